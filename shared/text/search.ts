/**
 * Search in a text: plain words or a regular expression, with or without case, whole words or
 * not. Offsets are UTF-16, as everywhere inside the app; empty matches are skipped.
 */
import { WorkbenchFailure } from '../model/failure';

export interface SearchQuery {
  pattern: string;
  regex: boolean;
  caseSensitive: boolean;
  wholeWord: boolean;
}

export interface SearchHit {
  start: number;
  end: number;
}

/** The most hits one search returns for one document. */
export const MAX_HITS = 10_000;

/** The query as a regular expression; throws a WorkbenchFailure on an empty or broken pattern. */
export function compileSearch(query: SearchQuery): RegExp {
  if (!query.pattern) throw new WorkbenchFailure('invalid-input', 'Type something to search for.');
  let source = query.regex ? query.pattern : query.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (query.wholeWord) source = `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
  try {
    return new RegExp(source, `gu${query.caseSensitive ? '' : 'i'}`);
  } catch (error) {
    throw new WorkbenchFailure('invalid-input', `The regular expression does not work: ${(error as Error).message}`);
  }
}

/** Every hit of the query in the text, in order (at most `limit`). */
export function findHits(text: string, query: SearchQuery, limit = MAX_HITS): { hits: SearchHit[]; truncated: boolean } {
  const pattern = compileSearch(query);
  const hits: SearchHit[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    if (hits.length === limit) return { hits, truncated: true };
    hits.push({ start: match.index, end: match.index + match[0].length });
  }
  return { hits, truncated: false };
}

/** A hit with some text on either side, for lists of results. */
export function inContext(text: string, hit: SearchHit, width = 50): { before: string; match: string; after: string } {
  return {
    before: text.slice(Math.max(0, hit.start - width), hit.start),
    match: text.slice(hit.start, hit.end),
    after: text.slice(hit.end, hit.end + width),
  };
}
