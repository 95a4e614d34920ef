/**
 * Bringing work from other programs into the project: a REFI-QDA project (.qdpx or .qde) as one
 * undoable action with a report of everything that could not be taken over, and a codebook from
 * a JSON, REFI-QDA (.qdc) or CSV file. Shared by the page's handlers and the command line.
 */
import { createHash, randomUUID } from 'node:crypto';
import { actionLabel } from '../../shared/edits/action-label';
import type { Action } from '../../shared/model/changes';
import { shortTitle } from '../../shared/text/short-text';
import { mergeCodebook, type IncomingCode } from '../../shared/exchange/codebook-merge';
import { importCodebook } from '../../shared/edits/codebook';
import { CODEBOOK_FORMAT } from '../../shared/exchange/codebook-file';
import { type Edit } from '../../shared/model/changes';
import { readCodebookCsv } from '../../shared/exchange/codebook-csv';
import { codebookFileSchema } from '../../shared/exchange/codebook-file';
import { WorkbenchFailure } from '../../shared/model/failure';
import { readCodebookQdc } from '../../shared/exchange/refi-qda/qde-reader';
import { incomingCodes, planProjectImport, type ResolvedSource } from '../../shared/exchange/refi-qda/project-import';
import type { ProjectStore } from '../project/project-store';
import type { Job } from './jobs';
import { readQdpx } from './refi-qda';
import { fileNameOf } from '../project/document-texts';
import { importedCodeId } from '../../shared/model/code-ids';

/** The id of a code brought in from elsewhere: from its ref, so that a second import finds the same id. */
function newCodeId(ref: string, taken: ReadonlySet<string>): string {
  return importedCodeId(ref, createHash('sha1').update(ref).digest('hex'), taken);
}

export interface ProjectImport {
  action: Action | null;
  report: string[];
  counts: { documents: number; codes: number; segments: number; leftOut: number; coders: string[] };
}

/** Imports a REFI-QDA project into the store as one action. */
export async function importProjectFile(store: ProjectStore, given: string, bytes: Uint8Array, now: Date, job?: Job): Promise<ProjectImport> {
  // Only the file's name goes into the project (its documents' sources, the action's label), never its folder.
  const name = fileNameOf(given);
  job?.report('Reading the project file', 0, 0);
  await job?.checkpoint();
  const bundle = readQdpx(name, bytes);
  const bundleHash = createHash('sha256').update(bytes).digest('hex');
  const report: string[] = [...bundle.notes];
  const resolved: ResolvedSource[] = [];
  const seen = new Map<string, ResolvedSource>();
  let leftOutSources = 0;
  for (const [i, { source, text, problem }] of bundle.sources.entries()) {
    job?.report('Reading the documents', i, bundle.sources.length);
    await job?.checkpoint();
    if (text === null) {
      report.push(`Left out the source “${source.name}”: ${problem}.`);
      leftOutSources++;
      continue;
    }
    const existing = store.documentHolding(text);
    const earlier = seen.get(existing?.id ?? '') ?? [...seen.values()].find((r) => r.text === text);
    if (earlier) {
      // The same text twice in one file: its selections join the first.
      earlier.source = { ...earlier.source, selections: [...earlier.source.selections, ...source.selections], codings: [...earlier.source.codings, ...source.codings] };
      continue;
    }
    const document = existing ?? store.newDocumentRecord(`${source.name}.txt`, text, { name, sha256: bundleHash, format: 'qdpx', encoding: 'utf-8' }, source.name);
    if (existing) report.push(`“${source.name}” is already in the project as “${shortTitle(existing.title)}” (same text): its codings were added to it.`);
    const entry: ResolvedSource = { source, document, text, isNew: !existing };
    resolved.push(entry);
    seen.set(document.id, entry);
  }
  job?.report('Placing the coded segments', 0, 0);
  await job?.checkpoint();
  const state = store.codebookState();
  const plan = planProjectImport(bundle.project, resolved, { codes: state.codes, segments: state.segments, variables: store.state.variables }, {
    now: now.toISOString(),
    newCodeId,
    newSegmentId: randomUUID,
  });
  report.push(...plan.report);
  const counts = { ...plan.counts, leftOut: plan.counts.leftOut + leftOutSources };
  if (!plan.changes.length) {
    report.unshift(`Nothing new in ${name}: everything in it is already in the project.`);
    return { action: null, report, counts };
  }
  // The last point where a cancel stops the import: after it, the action is applied whole.
  await job?.checkpoint();
  job?.report('Saving', 0, 0);
  for (const { document, text, isNew } of resolved) if (isNew) await store.saveDocumentText(document, text);
  const label = actionLabel`Import the REFI-QDA project “${bundle.project.name || name}”`;
  const action = await store.applyEdit({ label, changes: plan.changes });
  report.unshift(
    `Imported ${counts.documents} document${counts.documents === 1 ? '' : 's'}, ${counts.codes} new code${counts.codes === 1 ? '' : 's'} and ${counts.segments} coded segment${counts.segments === 1 ? '' : 's'}` +
      `${counts.coders.length ? ` by ${counts.coders.join(', ')}` : ''}${counts.leftOut ? `; ${counts.leftOut} left out (see below)` : ''}.`,
  );
  return { action, report, counts };
}

/** The kinds of codebook file, by name. */
export function codebookFormatOf(name: string): 'json' | 'qdc' | 'csv' {
  if (/\.qdc$/i.test(name)) return 'qdc';
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  return 'json';
}

/** Plans the import of a codebook file (JSON as exported, REFI-QDA .qdc, or CSV). */
export function codebookImport(store: ProjectStore, name: string, content: string): Edit & { notes: string[] } {
  const format = codebookFormatOf(name);
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      throw new WorkbenchFailure('invalid-input', `The codebook file is not JSON: ${(error as Error).message}.`);
    }
    const checked = codebookFileSchema.safeParse(parsed);
    if (!checked.success) {
      const problem = checked.error.issues[0]!;
      throw new WorkbenchFailure('invalid-input', `This is not an ${CODEBOOK_FORMAT} file: ${problem.path.join('.') || 'file'}: ${problem.message}.`);
    }
    return importCodebook(store.codebookState(), checked.data.codes.map(({ path: _path, ...code }) => code));
  }
  const incoming: IncomingCode[] = format === 'qdc' ? incomingCodes(readCodebookQdc(content)) : readCodebookCsv(content);
  const merged = mergeCodebook(store.codebookState().codes, incoming, { mode: 'update', newId: newCodeId });
  if (!merged.changes.length) throw new WorkbenchFailure('conflict', `Every code in ${name} is already in the codebook as it is.`);
  const parts = [merged.added && `${merged.added} new`, merged.updated && `${merged.updated} updated`].filter(Boolean).join(', ');
  return { label: actionLabel`Import the codebook ${name} (${parts})`, changes: merged.changes, notes: merged.notes };
}
