/**
 * The project as the page lists it: the documents in the order they came in, each with its
 * segment counts (in blind coding, only the coder's own), the coders, the codebook, the variables
 * and what Undo and Redo would do. Pure: the store passes in the project and where it lies.
 */
import type { DocumentSummary, ProjectOverview } from '../api';
import { shownTo, type Viewer } from '../blind-coding';
import type { DocumentRecord } from '../documents';
import type { ProjectFile } from '../project-schema';

/** Where the project lies on disk, and what the researcher must be told about it. */
export interface ProjectPlace {
  folder: string;
  file: string;
  notices: string[];
}

/** Documents in the order they came into the project (then by file name), wherever undo put them. */
export function documentsInOrder(documents: readonly DocumentRecord[]): DocumentRecord[] {
  return [...documents].sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.file.localeCompare(b.file));
}

/** Everyone who has coded in the project, and the current coder, by name. */
export function codersOf(project: Pick<ProjectFile, 'coder' | 'segments'>): string[] {
  return [...new Set([project.coder, ...project.segments.map((s) => s.coder)])].sort((a, b) => a.localeCompare(b));
}

/** What Undo and Redo would take back or do again, in words; null when nothing. */
export function historyLabels(history: ProjectFile['history']): { undo: string | null; redo: string | null } {
  return { undo: history.done.at(-1)?.label ?? null, redo: history.undone.at(-1)?.label ?? null };
}

/** The whole overview: this counts every segment, so readers of one field ask the store instead. */
export function projectOverview(project: ProjectFile, place: ProjectPlace): ProjectOverview {
  const viewer: Viewer = { coder: project.coder, blind: project.blind };
  const counts = new Map<string, number>();
  const byCoder = new Map<string, Record<string, number>>();
  for (const segment of shownTo(viewer, project.segments)) {
    counts.set(segment.documentId, (counts.get(segment.documentId) ?? 0) + 1);
    const coders = byCoder.get(segment.documentId) ?? {};
    coders[segment.coder] = (coders[segment.coder] ?? 0) + 1;
    byCoder.set(segment.documentId, coders);
  }
  const documents: DocumentSummary[] = documentsInOrder(project.documents).map((document) => ({
    ...document,
    segmentCount: counts.get(document.id) ?? 0,
    segmentsByCoder: byCoder.get(document.id) ?? {},
  }));
  return {
    name: project.name,
    folder: place.folder,
    file: place.file,
    coder: project.coder,
    coderConfirmed: project.coderConfirmed,
    blind: project.blind,
    coders: codersOf(project),
    documents,
    codes: project.codes,
    notices: place.notices,
    history: historyLabels(project.history),
    variables: project.variables,
  };
}
