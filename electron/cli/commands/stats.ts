/** `stats`: the number of documents and segments, per code, per coder and by origin (coded by hand or accepted from a suggestion). */
import { countByCode, SEGMENT_ORIGINS, type SegmentOrigin } from '../../../shared/model/segments';
import type { CommandContext } from '../command-context';

export async function stats({ store }: CommandContext): Promise<unknown> {
  // Counts only: the texts are not read.
  const { segments, codes, documents } = store.state;
  const coders: Record<string, number> = {};
  const origins = Object.fromEntries(SEGMENT_ORIGINS.map((origin) => [origin, 0])) as Record<SegmentOrigin, number>;
  for (const segment of segments) {
    coders[segment.coder] = (coders[segment.coder] ?? 0) + 1;
    origins[segment.origin]++;
  }
  const perCode = countByCode(segments);
  return {
    documents: documents.length,
    segments: segments.length,
    codes: codes.map((code) => ({ id: code.id, name: code.name, segments: perCode[code.id] ?? 0 })),
    coders,
    origins,
  };
}
