/**
 * Which sentences are examples of which code, read from the project's coded segments and the
 * suggestions the researcher rejected (one sentence, `sentences.ts`, is one unit):
 *
 * - A sentence is a **positive** example of code K when segments of K cover at least half of its
 *   UTF-16 code units (`coverage`; overlapping segments of K count once).
 * - It is a **negative** example of K when the researcher rejected a suggestion of K that covers at
 *   least half of it (unless it is a positive: a segment made since wins over the rejection), or when
 *   no segment of any code touches it in a document that has segments: a coded document's uncoded
 *   sentences are what each code is told apart from.
 * - Otherwise it is no example of K: a sentence touched by segments of other codes, or barely by
 *   K's, says nothing clear of K; the sentences of a document without segments were not read.
 */
import { sentencesOf } from './sentences';

/** A document as training reads it: its id, exact text, and the locale its sentences are found in. */
export interface TrainingDocument {
  id: string;
  text: string;
  locale: string;
}

/** A passage with a code: a coded segment, or a suggestion the researcher rejected. UTF-16 offsets, end exclusive. */
export interface CodedSpan {
  documentId: string;
  codeId: string;
  start: number;
  end: number;
}

/** What a model is learnt from. */
export interface TrainingInput {
  documents: readonly TrainingDocument[];
  /** The coded segments (of every coder) to learn from. */
  segments: readonly CodedSpan[];
  /** Suggestions the researcher rejected: negatives for their code. */
  rejected: readonly CodedSpan[];
  /** The codes to learn, in the order the results list them. */
  codeIds: readonly string[];
}

/** One training sentence and what it is an example of: per code (in the model's order) 1 positive, 0 negative, −1 neither. */
export interface TrainingExample {
  documentId: string;
  start: number;
  end: number;
  labels: Int8Array;
}

const NO_LABEL = -1;

/** Every span of `spans` grouped by document id. */
export function byDocument(spans: readonly CodedSpan[]): Map<string, CodedSpan[]> {
  const grouped = new Map<string, CodedSpan[]>();
  for (const span of spans) {
    const list = grouped.get(span.documentId);
    if (list) list.push(span);
    else grouped.set(span.documentId, [span]);
  }
  return grouped;
}

/** How many code units of [start, end) the spans cover (overlaps once). */
function covered(spans: Array<[number, number]>, start: number, end: number): number {
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = start;
  for (const [from, to] of spans) {
    const a = Math.max(from, reached);
    const b = Math.min(to, end);
    if (b > a) {
      total += b - a;
      reached = b;
    }
  }
  return total;
}

/**
 * The examples of one document: each sentence's labels per code (see the module's comment), only
 * sentences that are an example of some code.
 */
export function documentExamples(
  document: TrainingDocument,
  segments: readonly CodedSpan[],
  rejected: readonly CodedSpan[],
  codeIndex: ReadonlyMap<string, number>,
  coverage: number,
): TrainingExample[] {
  const codes = codeIndex.size;
  const sentences = sentencesOf(document.text, document.locale);
  const sorted = [...segments].sort((a, b) => a.start - b.start);
  const rejections = [...rejected].sort((a, b) => a.start - b.start);
  const examples: TrainingExample[] = [];
  let next = 0;
  let nextRejection = 0;
  let active: CodedSpan[] = [];
  let activeRejections: CodedSpan[] = [];
  for (const sentence of sentences) {
    // The segments that start before the sentence ends and end after it starts (a sweep in text order).
    while (next < sorted.length && sorted[next]!.start < sentence.end) active.push(sorted[next++]!);
    active = active.filter((span) => span.end > sentence.start);
    while (nextRejection < rejections.length && rejections[nextRejection]!.start < sentence.end) activeRejections.push(rejections[nextRejection++]!);
    activeRejections = activeRejections.filter((span) => span.end > sentence.start);

    const labels = new Int8Array(codes).fill(NO_LABEL);
    const length = sentence.end - sentence.start;
    const touching = active.filter((span) => span.start < sentence.end);
    if (touching.length === 0) {
      if (segments.length > 0) labels.fill(0);
    } else {
      const perCode = new Map<number, Array<[number, number]>>();
      for (const span of touching) {
        const code = codeIndex.get(span.codeId);
        if (code === undefined) continue;
        const list = perCode.get(code) ?? [];
        list.push([span.start, span.end]);
        perCode.set(code, list);
      }
      for (const [code, spans] of perCode) if (covered(spans, sentence.start, sentence.end) >= coverage * length) labels[code] = 1;
    }
    const rejectedHere = activeRejections.filter((span) => span.start < sentence.end);
    if (rejectedHere.length) {
      const perCode = new Map<number, Array<[number, number]>>();
      for (const span of rejectedHere) {
        const code = codeIndex.get(span.codeId);
        if (code === undefined) continue;
        perCode.set(code, [...(perCode.get(code) ?? []), [span.start, span.end]]);
      }
      for (const [code, spans] of perCode) {
        if (labels[code] !== 1 && covered(spans, sentence.start, sentence.end) >= coverage * length) labels[code] = 0;
      }
    }
    if (labels.some((label) => label !== NO_LABEL)) examples.push({ documentId: document.id, start: sentence.start, end: sentence.end, labels });
  }
  return examples;
}

/** The examples of every document with segments or rejections, document by document, each in text order. */
export function trainingExamples(input: TrainingInput, coverage: number): TrainingExample[] {
  const codeIndex = new Map(input.codeIds.map((id, at) => [id, at]));
  const segments = byDocument(input.segments);
  const rejected = byDocument(input.rejected);
  const examples: TrainingExample[] = [];
  for (const document of input.documents) {
    const coded = segments.get(document.id) ?? [];
    const refused = rejected.get(document.id) ?? [];
    if (coded.length === 0 && refused.length === 0) continue;
    for (const example of documentExamples(document, coded, refused, codeIndex, coverage)) examples.push(example);
  }
  return examples;
}
