/**
 * Bringing work from other programs into the project: a REFI-QDA project (.qdpx or .qde) as one
 * undoable action with a report of everything that could not be taken over, and a codebook from
 * a JSON, REFI-QDA (.qdc) or CSV file. Shared by the page's handlers and the command line.
 */
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
import { incomingCodes, type ImportTarget } from '../../shared/exchange/refi-qda/project-import';
import type { ProjectStore } from '../project/project-store';
import type { Job } from './jobs';
import { newCodeId } from './refi-qda';
import { ExchangeThread, type ReadProject, type SourceGroup } from './refi-qda-thread';
import { unpackChanges } from './segment-columns';
import { fileNameOf } from '../project/document-texts';

export interface ProjectImport {
  action: Action | null;
  report: string[];
  counts: { documents: number; codes: number; segments: number; leftOut: number; coders: string[] };
}

/** How many times an import is planned again when the project changed while it was being planned. */
const PLAN_TRIES = 3;

/** Which document each readable source of the file goes into, and what the report says of the rest. */
function resolveSources(store: ProjectStore, read: ReadProject, name: string): { groups: SourceGroup[]; texts: Map<string, string>; report: string[]; leftOut: number } {
  const report: string[] = [];
  const groups: SourceGroup[] = [];
  const texts = new Map<string, string>();
  const seen = new Map<string, SourceGroup>();
  let leftOut = 0;
  for (const [i, { name: sourceName, text, problem }] of read.sources.entries()) {
    if (text === null) {
      report.push(`Left out the source “${sourceName}”: ${problem}.`);
      leftOut++;
      continue;
    }
    const existing = store.documentHolding(text);
    const earlier = seen.get(existing?.id ?? '') ?? groups.find((group) => texts.get(group.document.id) === text);
    if (earlier) {
      // The same text twice in one file: its selections join the first.
      earlier.sources.push(i);
      continue;
    }
    const document = existing ?? store.newDocumentRecord(`${sourceName}.txt`, text, { name, sha256: read.sha256, format: 'qdpx', encoding: 'utf-8' }, sourceName);
    if (existing) report.push(`“${sourceName}” is already in the project as “${shortTitle(existing.title)}” (same text): its codings were added to it.`);
    const group: SourceGroup = { sources: [i], document, isNew: !existing };
    groups.push(group);
    texts.set(document.id, text);
    seen.set(document.id, group);
  }
  return { groups, texts, report, leftOut };
}

/** The project as an import is planned against: its codebook, variables and the segments' places (not their quotes). */
function importTarget(store: ProjectStore): ImportTarget {
  const { codes, segments } = store.codebookState();
  return {
    codes,
    variables: store.state.variables,
    segments: segments.map(({ id, documentId, codeId, start, end, coder }) => ({ id, documentId, codeId, start, end, coder })),
  };
}

/**
 * Imports a REFI-QDA project into the store as one action. The file is read and the import
 * planned in a worker thread (refi-qda-thread.ts), so that other calls are answered meanwhile;
 * the store applies the plan here. Should the project change while the plan is made, the plan is
 * made again against the project as it is then.
 */
export async function importProjectFile(store: ProjectStore, given: string, bytes: Uint8Array, now: Date, job?: Job): Promise<ProjectImport> {
  // Only the file's name goes into the project (its documents' sources, the action's label), never its folder.
  const name = fileNameOf(given);
  const thread = new ExchangeThread(job);
  try {
    job?.report('Reading the project file', 0, 0);
    await job?.checkpoint();
    const reply = await thread.ask({ kind: 'read', name, bytes });
    if (reply.kind !== 'read') throw new Error(`the REFI-QDA worker answered ${reply.kind} to a reading`);
    for (let attempt = 1; ; attempt++) {
      const revision = store.changeCount;
      job?.report('Reading the documents', 0, reply.sources.length);
      await job?.checkpoint();
      const resolution = resolveSources(store, reply, name);
      job?.report('Placing the coded segments', 0, 0);
      const planned = await thread.ask({ kind: 'plan', sources: resolution.groups, target: importTarget(store), now: now.toISOString() });
      if (planned.kind !== 'planned') throw new Error(`the REFI-QDA worker answered ${planned.kind} to a plan`);
      const plan = { ...planned.plan, changes: unpackChanges(planned.changes, (id) => resolution.texts.get(id)!) };
      const report: string[] = [...reply.notes, ...resolution.report, ...plan.report];
      const counts = { ...plan.counts, leftOut: plan.counts.leftOut + resolution.leftOut };
      if (store.changeCount !== revision && attempt < PLAN_TRIES) continue;
      if (!plan.changes.length) {
        report.unshift(`Nothing new in ${name}: everything in it is already in the project.`);
        return { action: null, report, counts };
      }
      // The last point where a cancel stops the import: after it, the action is applied whole.
      await job?.checkpoint();
      job?.report('Saving', 0, 0);
      for (const { document, isNew } of resolution.groups) if (isNew) await store.saveDocumentText(document, resolution.texts.get(document.id)!);
      if (store.changeCount !== revision) {
        if (attempt < PLAN_TRIES) continue;
        throw new WorkbenchFailure('conflict', `The project kept changing while ${name} was being imported; nothing was imported. Import it again.`);
      }
      const label = actionLabel`Import the REFI-QDA project “${reply.projectName || name}”`;
      const action = await store.applyEdit({ label, changes: plan.changes });
      report.unshift(
        `Imported ${counts.documents} document${counts.documents === 1 ? '' : 's'}, ${counts.codes} new code${counts.codes === 1 ? '' : 's'} and ${counts.segments} coded segment${counts.segments === 1 ? '' : 's'}` +
          `${counts.coders.length ? ` by ${counts.coders.join(', ')}` : ''}${counts.leftOut ? `; ${counts.leftOut} left out (see below)` : ''}.`,
      );
      return { action, report, counts };
    }
  } finally {
    thread.close();
  }
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
