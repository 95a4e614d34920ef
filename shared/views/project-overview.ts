/**
 * The project as the page lists it: the documents in the order they came in, each with its
 * segment counts (in blind coding, only the coder's own), the coders, the codebook, the variables
 * and what Undo and Redo would do. Pure: the store passes in the project and where it lies.
 */
import { shownTo, type Viewer } from './blind-coding';
import type { Code } from '../model/codebook';
import type { DocumentRecord } from '../model/documents';
import type { ProjectFile } from '../model/project-schema';
import type { CodedSegment } from '../model/segments';
import { segmentTableOf } from '../model/segment-table';
import type { VariableDefinition } from '../model/variables';

/** A document as listed in the project overview. */
export interface DocumentSummary extends DocumentRecord {
  segmentCount: number;
  /** The same, per coder (for blind coding, which counts only the current coder's). */
  segmentsByCoder: Record<string, number>;
}

export interface ProjectOverview {
  name: string;
  /** Folder that holds the project. */
  folder: string;
  /** Path of the project file. */
  file: string;
  /** Name recorded on the segments this user makes. */
  coder: string;
  /** False until the researcher has said who is coding (the page asks on first start). */
  coderConfirmed: boolean;
  /**
   * Blind coding: while true, only the current coder's segments are sent to the page (and the
   * counts count only theirs); agreement and adjudication are closed.
   */
  blind: boolean;
  /** Everyone who has coded in this project (and the current coder), by name. */
  coders: string[];
  documents: DocumentSummary[];
  codes: Code[];
  /** Things the researcher must be told on opening (a damaged project file kept aside, ...). */
  notices: string[];
  /** What Undo and Redo would take back or do again, in words; null when nothing. */
  history: { undo: string | null; redo: string | null };
  /** The document variables, in column order. */
  variables: VariableDefinition[];
}


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

/** The documents, in their order, each with the number of `shown` segments in it, in all and per coder. */
export function documentSummaries(documents: readonly DocumentRecord[], shown: readonly CodedSegment[]): DocumentSummary[] {
  const counts = new Map<string, number>();
  const byCoder = new Map<string, Record<string, number>>();
  for (const segment of shown) {
    counts.set(segment.documentId, (counts.get(segment.documentId) ?? 0) + 1);
    const coders = byCoder.get(segment.documentId) ?? {};
    coders[segment.coder] = (coders[segment.coder] ?? 0) + 1;
    byCoder.set(segment.documentId, coders);
  }
  return documents.map((document) => ({
    ...document,
    segmentCount: counts.get(document.id) ?? 0,
    segmentsByCoder: byCoder.get(document.id) ?? {},
  }));
}

/**
 * The same summaries from counts kept by the project's segment index (document id → coder →
 * count): the page asks for the overview after each change, and a project of 100,000 segments is
 * not counted again each time. In blind coding only the viewer's own are counted.
 */
export function documentSummariesFromCounts(
  documents: readonly DocumentRecord[],
  counts: ReadonlyMap<string, ReadonlyMap<string, number>>,
  viewer: Viewer,
): DocumentSummary[] {
  return documents.map((document) => {
    const segmentsByCoder: Record<string, number> = {};
    let segmentCount = 0;
    for (const [coder, n] of counts.get(document.id) ?? []) {
      if (viewer.blind && coder !== viewer.coder) continue;
      segmentsByCoder[coder] = n;
      segmentCount += n;
    }
    return { ...document, segmentCount, segmentsByCoder };
  });
}

/** The coders who have segments, by the counts the segment index keeps (see documentSummariesFromCounts). */
function codersInCounts(counts: ReadonlyMap<string, ReadonlyMap<string, number>>): Array<{ coder: string }> {
  const coders = new Set<string>();
  for (const ofDocument of counts.values()) for (const coder of ofDocument.keys()) coders.add(coder);
  return [...coders].map((coder) => ({ coder }));
}

/** Everyone who has coded in the project, and the current coder, each once, in alphabetical order. */
export function codersOf(currentCoder: string, segments: readonly Pick<CodedSegment, 'coder'>[]): string[] {
  return [...new Set([currentCoder, ...segments.map((segment) => segment.coder)])].sort((a, b) => a.localeCompare(b));
}


/** Everyone who has coded in the project and its current coder (codersOf), through the segment index's counts when it has them. */
export function projectCoders(project: Pick<ProjectFile, 'coder' | 'segments'>): string[] {
  const counts = segmentTableOf(project)?.coderCounts();
  return codersOf(project.coder, counts ? codersInCounts(counts) : project.segments);
}

/** What Undo and Redo would take back or do again, in words; null when nothing. */
export function historyLabels(history: ProjectFile['history']): { undo: string | null; redo: string | null } {
  return { undo: history.done.at(-1)?.label ?? null, redo: history.undone.at(-1)?.label ?? null };
}

/** The whole overview: this counts every segment, so readers of one field ask the store instead. */
export function projectOverview(project: ProjectFile, place: ProjectPlace): ProjectOverview {
  const viewer: Viewer = { coder: project.coder, blind: project.blind };
  // A project with a segment index keeps its counts in step; one without (a copy) is counted here.
  const counts = segmentTableOf(project)?.coderCounts();
  const documents = counts
    ? documentSummariesFromCounts(documentsInOrder(project.documents), counts, viewer)
    : documentSummaries(documentsInOrder(project.documents), shownTo(viewer, project.segments));
  return {
    name: project.name,
    folder: place.folder,
    file: place.file,
    coder: project.coder,
    coderConfirmed: project.coderConfirmed,
    blind: project.blind,
    coders: projectCoders(project),
    documents,
    codes: project.codes,
    notices: place.notices,
    history: historyLabels(project.history),
    variables: project.variables,
  };
}
