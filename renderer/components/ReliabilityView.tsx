/**
 * Agreement between coders: choose coders, documents and codes; read every measure per code and
 * overall; export the report and the units × coders matrix; walk through the disagreements, each
 * opened with the coders' versions side by side, and settle them (accept one, merge, or mark as
 * discussed). Settling goes to the consensus coder, so the figures stay those of the independent
 * coding; the list shows each disagreement's decision.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Adjudication } from '../../shared/model/adjudication';
import { CONSENSUS_CODER } from '../../shared/model/adjudication';
import { CLOSED_WHILE_BLIND } from '../../shared/views/blind-coding';
import type { OperationInput } from '../../shared/ipc';
import { codePath } from '../../shared/model/codebook';
import { documentsCodedByAll } from '../../shared/stats/compared-documents';
import type { ReliabilityReport, ReliabilityMeasures } from '../../shared/stats/reliability-report';
import type { ReliabilityDisagreement } from '../../shared/stats/report-disagreements';
import { followJob, jumpTo, runAction, runExportOf, setBlind, showMessage } from '../actions';
import { api } from '../api-client';
import { getState, selectBlind, selectCodes, useStore } from '../store';
import { CoderExchange } from './CoderExchange';

type Selection = OperationInput<'reliabilityReport'>;
type Report = ReliabilityReport & { adjudications: Adjudication[] };

/**
 * A coefficient as shown: three decimals, '—' where it is undefined (NaN; JSON, as the preview
 * sends it, turns NaN into null, so a measure that applies but is null is undefined too), and
 * nothing where the measure does not apply.
 */
const figure = (value: number | null | undefined, applies = true) =>
  typeof value === 'number' && !Number.isNaN(value) ? value.toFixed(3) : applies ? '—' : '';
const percent = (value: number | null | undefined, scale: number) =>
  typeof value === 'number' && !Number.isNaN(value) ? `${(value * scale).toFixed(1)}%` : '—';

/**
 * A list of choices with "all" and "none" (for the items the filter shows) and, for a long list,
 * a filter by words; a long label is cut with an ellipsis and shown whole in its tooltip.
 */
function Checkboxes(props: { legend: string; items: Array<{ id: string; label: string }>; chosen: string[]; onChange: (chosen: string[]) => void }) {
  const { items, chosen } = props;
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLocaleLowerCase();
  const shown = words ? items.filter((item) => item.label.toLocaleLowerCase().includes(words)) : items;
  const shownIds = new Set(shown.map((item) => item.id));
  return (
    <fieldset className="reliability-choice" data-choice={props.legend.toLowerCase()}>
      <legend>
        {props.legend} ({chosen.length} of {items.length})
      </legend>
      <div className="reliability-choice-tools">
        <button type="button" data-action="choose-all" onClick={() => props.onChange([...new Set([...chosen, ...shownIds])])}>
          All
        </button>
        <button type="button" data-action="choose-none" onClick={() => props.onChange(chosen.filter((id) => !shownIds.has(id)))}>
          None
        </button>
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="Filter…" aria-label={`Filter the ${props.legend.toLowerCase()}`} />
      </div>
      <div className="reliability-choice-list">
        {shown.map((item) => (
          <label key={item.id} title={item.label}>
            <input
              type="checkbox"
              checked={chosen.includes(item.id)}
              onChange={(event) => props.onChange(event.target.checked ? [...chosen, item.id] : chosen.filter((id) => id !== item.id))}
            />
            <span className="choice-label">{item.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function decisionText(adjudication: Adjudication | undefined, report: Report): string {
  if (!adjudication) return 'Open';
  if (adjudication.decision === 'discussed') return `Discussed (${adjudication.by})`;
  if (adjudication.decision === 'merge') return `Merged (${adjudication.by})`;
  const version = report.disagreements.flatMap((d) => d.versions).find((v) => v.segmentId === adjudication.acceptedSegmentId);
  return `Accepted ${version?.coder ?? 'a'}'s version (${adjudication.by})`;
}

export function ReliabilityView(props: { onJump: () => void }) {
  const project = useStore((state) => state.project)!;
  const blind = useStore(selectBlind);
  const codes = useStore(selectCodes);
  const coders = useMemo(() => project.coders.filter((c) => c !== CONSENSUS_CODER), [project.coders]);
  const [chosenCoders, setChosenCoders] = useState<string[]>(coders);
  // A coder whose work has just come in is compared too.
  useEffect(() => setChosenCoders((current) => [...new Set([...current, ...coders])]), [coders.join('\u0000')]);
  // By default the documents every chosen coder has coded (see shared/stats/compared-documents.ts).
  const [allDocuments, setAllDocuments] = useState(false);
  const sharedIds = useMemo(() => documentsCodedByAll(project.documents, chosenCoders), [project.documents, chosenCoders]);
  const defaultIds = allDocuments ? project.documents.map((d) => d.id) : sharedIds;
  const [documentIds, setDocumentIds] = useState<string[]>(defaultIds);
  useEffect(() => setDocumentIds(defaultIds), [defaultIds.join('\u0000')]);
  const [codeIds, setCodeIds] = useState<string[]>(() => codes.map((c) => c.id));
  const [minOverlap, setMinOverlap] = useState(90);
  const [withIntervals, setWithIntervals] = useState(false);
  const [samples, setSamples] = useState(1000);
  const [seed, setSeed] = useState(1);
  const [report, setReport] = useState<Report | null>(null);
  const [computing, setComputing] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  // A report computed before blind coding was turned on is not shown again when it is turned off.
  useEffect(() => {
    if (blind) setReport(null);
  }, [blind]);

  const selection = (chosenDocuments = documentIds): Selection => ({
    coders: chosenCoders,
    documentIds: chosenDocuments,
    codeIds,
    minOverlap,
    bootstrap: withIntervals ? { samples, seed } : undefined,
  });

  const compute = async (chosenDocuments = documentIds) => {
    if (chosenCoders.length < 2) return showMessage('info', 'Choose at least two coders to compare.');
    if (!chosenDocuments.length && !allDocuments && !sharedIds.length) {
      return showMessage('info', 'No document has been coded by every chosen coder yet. Tick the documents to compare, or compare on all documents.');
    }
    if (!chosenDocuments.length || !codeIds.length) return showMessage('info', 'Choose at least one document and one code.');
    setComputing(true);
    const result = await followJob('Agreement', (jobId) => api.reliabilityReport({ ...selection(chosenDocuments), jobId }));
    setComputing(false);
    if (result.ok) setReport(result.value);
    else if (result.error.code === 'cancelled') showMessage('info', 'The computation was cancelled.');
    else showMessage('error', result.error.message);
  };

  const titles = new Map(project.documents.map((d) => [d.id, d.title]));
  const codeLabel = (id: string) => codePath(codes, id) || id;
  const open = report ? report.disagreements.filter((d) => !report.adjudications.some((a) => a.id === d.id)).length : 0;
  const current = report?.disagreements.find((d) => d.id === selected) ?? null;

  if (blind) {
    return (
      <section className="reliability" aria-label="Agreement between coders">
        <p className="blind-closed" role="status">
          {CLOSED_WHILE_BLIND}{' '}
          <button type="button" onClick={() => void setBlind(false)} data-action="blind-off">
            Turn blind coding off
          </button>
        </p>
        <CoderExchange onMerged={() => setReport(null)} />
      </section>
    );
  }

  return (
    <section className="reliability" aria-label="Agreement between coders">
      <form
        className="reliability-selection"
        onSubmit={(event) => {
          event.preventDefault();
          void compute();
        }}
      >
        <Checkboxes legend="Coders" items={coders.map((c) => ({ id: c, label: c }))} chosen={chosenCoders} onChange={setChosenCoders} />
        <Checkboxes legend="Documents" items={project.documents.map((d) => ({ id: d.id, label: d.title }))} chosen={documentIds} onChange={setDocumentIds} />
        <Checkboxes legend="Codes" items={codes.map((c) => ({ id: c.id, label: codeLabel(c.id) }))} chosen={codeIds} onChange={setCodeIds} />
        <div className="reliability-options">
          <label>
            Segments agree when they overlap at least{' '}
            <input type="number" min={1} max={100} value={minOverlap} onChange={(e) => setMinOverlap(Number(e.target.value) || 1)} aria-label="Least overlap in percent" />%
          </label>
          <label>
            <input type="checkbox" checked={withIntervals} onChange={(e) => setWithIntervals(e.target.checked)} data-action="bootstrap" /> 95% intervals for α
            (bootstrap of <input type="number" min={100} max={20000} step={100} value={samples} onChange={(e) => setSamples(Number(e.target.value) || 1000)} aria-label="Bootstrap samples" /> samples,
            seed <input type="number" min={0} value={seed} onChange={(e) => setSeed(Number(e.target.value) || 0)} aria-label="Bootstrap seed" />)
          </label>
          <button type="submit" disabled={computing} aria-busy={computing} data-action="compute-agreement">
            {computing ? 'Computing…' : report ? 'Compute again' : 'Compute agreement'}
          </button>
        </div>
      </form>
      <CoderExchange onMerged={() => setReport(null)} />
      {coders.length < 2 && (
        <p className="empty">Only one coder has coded in this project so far. Bring in another coder's work (a coder file or a shared folder) to compare.</p>
      )}
      {report && (
        <>
          <p className="reliability-summary" role="status">
            {report.coders.length} coders ({report.coders.join(', ')}) · {report.documents} document{report.documents === 1 ? '' : 's'} ·{' '}
            {report.units.toLocaleString()} characters as units (code points)
            {report.bootstrap ? ` · bootstrap: ${report.bootstrap.samples} samples, seed ${report.bootstrap.seed}` : ''}
          </p>
          <p className="reliability-scope" data-scope={allDocuments ? 'all' : 'shared'}>
            {allDocuments
              ? `Compared on all ${project.documents.length} documents: text a coder left uncoded counts as “not coded”, so documents only some coders have coded lower the figures.`
              : `Compared on the ${sharedIds.length} document${sharedIds.length === 1 ? '' : 's'} (of ${project.documents.length}) that every chosen coder has coded.`}
            {report.documentIds.join('\u0000') !== defaultIds.join('\u0000') && ` ${report.documents} document${report.documents === 1 ? ' was' : 's were'} ticked by hand.`}{' '}
            <label>
              <input
                type="checkbox"
                checked={allDocuments}
                data-action="all-documents"
                onChange={(event) => {
                  setAllDocuments(event.target.checked);
                  void compute(event.target.checked ? project.documents.map((d) => d.id) : sharedIds);
                }}
              />{' '}
              Compare on all documents
            </label>
          </p>
          <ReportTable report={report} />
          <details className="reliability-measures">
            <summary>What each figure is</summary>
            <dl>
              {report.measures.map((m) => (
                <div key={m.key}>
                  <dt>{m.name}</dt>
                  <dd>
                    {m.definition} <cite>{m.reference}</cite>
                  </dd>
                </div>
              ))}
            </dl>
            {report.notes.map((note, i) => (
              <p key={i}>{note}</p>
            ))}
          </details>
          <div className="reliability-exports">
            <button type="button" onClick={() => void runExportOf(() => api.exportReliability({ format: 'csv', selection: selection() }))} data-action="export-reliability-csv">
              Report (CSV)
            </button>
            <button type="button" onClick={() => void runExportOf(() => api.exportReliability({ format: 'html', selection: selection() }))} data-action="export-reliability-html">
              Report (HTML page)
            </button>
            <button type="button" onClick={() => void runExportOf(() => api.exportReliability({ format: 'matrix', selection: selection(), codeId: null }))} data-action="export-reliability-matrix">
              Units × coders (CSV)
            </button>
          </div>
          <h3 className="panel-title">
            Disagreements: {open} open of {report.disagreements.length}
          </h3>
          {report.disagreements.length === 0 ? (
            <p className="empty">No disagreements between these coders at this overlap.</p>
          ) : (
            <ol className="disagreement-list">
              {report.disagreements.map((d) => (
                <li key={d.id}>
                  <button type="button" aria-pressed={selected === d.id} onClick={() => setSelected(d.id)} data-disagreement-id={d.id}>
                    <span className="disagreement-where" title={`${titles.get(d.documentId)} · ${codeLabel(d.codeId)}`}>
                      {titles.get(d.documentId)} · {codeLabel(d.codeId)}
                    </span>
                    <span className="disagreement-coders">{d.versions.map((v) => `${v.coder}: ${v.segmentId ? 'coded' : '—'}`).join(' · ')}</span>
                    <span className="disagreement-status">{decisionText(report.adjudications.find((a) => a.id === d.id), report)}</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
          {current && <DisagreementDetail disagreement={current} codeLabel={codeLabel(current.codeId)} onSettled={compute} onJump={props.onJump} />}
        </>
      )}
    </section>
  );
}

function ReportTable({ report }: { report: Report }) {
  const two = report.coders.length === 2;
  return (
    <table className="reliability-table">
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Agreement (characters)</th>
          <th scope="col">{two ? "Cohen's κ" : "Fleiss' κ"}</th>
          <th scope="col">α nominal (characters)</th>
          <th scope="col">α_U (unitizing)</th>
          <th scope="col">{'u-α / cu-α'}</th>
          <th scope="col">Segment agreement</th>
          {report.coders.map((coder) => (
            <th scope="col" key={coder}>
              Segments: {coder}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => {
          const m: ReliabilityMeasures = row.measures;
          return (
            <tr key={row.codeId ?? 'overall'} className={row.codeId === null ? 'overall' : undefined} data-code-id={row.codeId ?? 'overall'}>
              <th scope="row">{row.label}</th>
              <td>{percent(m.percentAgreement, 100)}</td>
              <td>{figure(two ? m.cohenKappa : m.fleissKappa)}</td>
              <td>
                {figure(m.alphaNominal)}
                {m.alphaNominalCi ? ` [${figure(m.alphaNominalCi.lower)}, ${figure(m.alphaNominalCi.upper)}]` : ''}
              </td>
              <td>{figure(m.alphaU)}</td>
              <td>{row.codeId === null ? figure(m.cuAlpha ?? m.uAlpha, false) : figure(m.uAlpha, false)}</td>
              <td data-measure="segment-agreement">
                {percent(m.segmentAgreement.percent, 1)} ({m.segmentAgreement.agreements} of{' '}
                {m.segmentAgreement.agreements + m.segmentAgreement.disagreements})
              </td>
              {report.coders.map((coder) => (
                <td key={coder}>{m.segments[coder] ?? 0}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The coders' versions of one disagreement side by side, each in its context, with the decisions. */
function DisagreementDetail(props: { disagreement: ReliabilityDisagreement; codeLabel: string; onSettled: () => Promise<void>; onJump: () => void }) {
  const { disagreement } = props;
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.openDocument({ documentId: disagreement.documentId }).then((result) => {
      if (live && result.ok) setText(result.value.text);
    });
    return () => {
      live = false;
    };
  }, [disagreement.documentId]);
  const segmentIds = disagreement.versions.flatMap((v) => (v.segmentId ? [v.segmentId] : []));
  const decide = async (decision: 'accept' | 'merge' | 'discussed', acceptedSegmentId?: string) => {
    const done = await runAction(
      api.settleDisagreement({
        disagreementId: disagreement.id,
        documentId: disagreement.documentId,
        codeId: disagreement.codeId,
        decision,
        segmentIds,
        acceptedSegmentId,
      }),
    );
    if (done) await props.onSettled();
  };
  const from = Math.max(0, disagreement.start - 80);
  const to = disagreement.end + 80;
  return (
    <section className="disagreement-detail" aria-label="The coders' versions">
      <h3 className="panel-title">{props.codeLabel}</h3>
      <div className="versions">
        {disagreement.versions.map((version) => (
          <div className="version" key={version.coder} data-coder={version.coder}>
            <h4>{version.coder}</h4>
            {text === null ? (
              <p className="empty">Loading…</p>
            ) : version.segmentId === null || version.start === null || version.end === null ? (
              <p className="version-text">
                <em>Did not code this passage.</em> {text.slice(from, to)}
              </p>
            ) : (
              <p className="version-text">
                {from > 0 ? '…' : ''}
                {text.slice(from, version.start)}
                <mark>{text.slice(version.start, version.end)}</mark>
                {text.slice(version.end, to)}
                {to < text.length ? '…' : ''}
              </p>
            )}
            {version.segmentId && (
              <button type="button" onClick={() => void decide('accept', version.segmentId!)} data-action="accept-version">
                Accept {version.coder}'s version
              </button>
            )}
          </div>
        ))}
      </div>
      <div className="disagreement-actions">
        {segmentIds.length > 1 && (
          <button type="button" onClick={() => void decide('merge')} data-action="merge-versions">
            Merge the versions
          </button>
        )}
        <button type="button" onClick={() => void decide('discussed')} data-action="mark-discussed">
          Mark as discussed
        </button>
        <button
          type="button"
          data-action="show-in-text"
          onClick={async () => {
            if (selectBlind(getState())) await setBlind(false);
            props.onJump();
            await jumpTo(disagreement.documentId, disagreement.start, disagreement.end);
          }}
        >
          Show in the text
        </button>
      </div>
    </section>
  );
}
