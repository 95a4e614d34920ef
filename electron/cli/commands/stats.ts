/** `stats`: the number of documents and segments, per code and per coder. */
import { countByCode } from '../../../shared/model/segments';
import type { CommandContext } from '../command-context';

export async function stats({ store }: CommandContext): Promise<unknown> {
  // Counts only: the texts are not read.
  const { segments, codes, documents } = store.state;
  const coders: Record<string, number> = {};
  for (const segment of segments) coders[segment.coder] = (coders[segment.coder] ?? 0) + 1;
  const perCode = countByCode(segments);
  return {
    documents: documents.length,
    segments: segments.length,
    codes: codes.map((code) => ({ id: code.id, name: code.name, segments: perCode[code.id] ?? 0 })),
    coders,
  };
}
