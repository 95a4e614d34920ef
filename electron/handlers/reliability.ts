/**
 * Handlers of intercoder reliability: the report (a long job, computed in a worker thread), its
 * exports (CSV, a web page, the units × coders matrix), and settling a disagreement.
 */
import { randomUUID } from 'node:crypto';
import { settle } from '../../shared/edits/adjudication';
import { refuseWhileBlind } from '../../shared/views/blind-coding';
import { CSV_FILES } from '../../shared/ipc/export-formats';
import { findDocument, requireCode } from '../../shared/edits/find';
import { WorkbenchFailure } from '../../shared/model/failure';
import { reliabilityReportCsv, reliabilityReportHtml, unitsMatrixCsv } from '../../shared/stats/reliability-exports';
import type { ProjectStore } from '../project/project-store';
import { reliabilityReportInWorker } from '../services/reliability-job';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';
import { done } from './outcome';

/** The texts, codebook and segments a reliability report reads, for the chosen documents. */
async function reliabilityInput(store: ProjectStore, documentIds: readonly string[], coders: readonly string[], codeIds: readonly string[]) {
  refuseWhileBlind(store.viewer);
  const known = store.coders;
  const stranger = coders.find((coder) => !known.includes(coder));
  if (stranger) throw new WorkbenchFailure('not-found', `No one called “${stranger}” has coded in this project (coders: ${known.join(', ')}).`);
  const { codes, segments } = store.state;
  const unknownCode = codeIds.find((id) => !codes.some((code) => code.id === id));
  if (unknownCode) throw new WorkbenchFailure('invalid-input', `There is no code with the id “${unknownCode}” in the codebook.`);
  // Only the chosen documents' texts are read.
  const records = documentIds.map((id) => findDocument(store.state, id));
  const documents = [];
  for (const record of records) documents.push({ id: record.id, title: record.title, text: await store.text(record.id) });
  const wanted = new Set(documentIds);
  return { documents, codes, segments: segments.filter((s) => wanted.has(s.documentId)) };
}

export function reliabilityHandlers({ store, now, day, jobs, saveAs }: HandlerContext): Pick<Handlers, 'reliabilityReport' | 'exportReliability' | 'settleDisagreement'> {
  return {
    reliabilityReport: ({ jobId, ...selection }) =>
      jobs.run(jobId, async (job) => {
        const input = await reliabilityInput(store, selection.documentIds, selection.coders, selection.codeIds);
        return { ...(await reliabilityReportInWorker(input, selection, job)), adjudications: [...store.adjudications] };
      }),
    exportReliability: async ({ format, selection, codeId }) => {
      const input = await reliabilityInput(store, selection.documentIds, selection.coders, selection.codeIds);
      if (codeId !== null && !selection.codeIds.includes(codeId)) {
        throw new WorkbenchFailure('invalid-input', `The code “${codeId}” of the matrix is not among the chosen codes (${selection.codeIds.join(', ')}).`);
      }
      const today = day();
      if (format === 'matrix') {
        const suffix = codeId ? `-${codeId}` : '';
        const path = await saveAs(`reliability-units${suffix}-${today}.csv`, CSV_FILES, null, () => unitsMatrixCsv(input, selection, codeId));
        return { path, rows: path ? 1 : 0 };
      }
      const report = await jobs.run(undefined, (job) => reliabilityReportInWorker(input, selection, job));
      const path =
        format === 'csv'
          ? await saveAs(`reliability-${today}.csv`, CSV_FILES, null, () => reliabilityReportCsv(report))
          : await saveAs(`reliability-${today}.html`, { name: 'Web page', extensions: ['html'] }, null, () =>
              reliabilityReportHtml(report, { projectName: store.name, createdAt: now().toISOString(), input }),
            );
      return { path, rows: path ? report.rows.length : 0 };
    },
    settleDisagreement: async (input) => {
      refuseWhileBlind(store.viewer);
      requireCode(store.state, input.codeId);
      const text = await store.text(input.documentId);
      const action = await store.edit((state, at) =>
        settle(input, { segments: state.segments, adjudications: store.adjudications, text, by: state.coder, now: at, newId: randomUUID }),
      );
      return done(store, action);
    },
  };
}
