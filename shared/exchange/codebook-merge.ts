/**
 * Bringing a codebook from elsewhere (a REFI-QDA project or codebook, a CSV table) into the
 * project's codebook. Codes are matched by their path of names (case aside, as sibling names are
 * unique that way); a code the project lacks is added under its parent. What a matched code takes
 * over is the caller's choice: a codebook import updates colours, keys and codebook entries; a
 * project import only fills the entries the researcher left empty.
 */
import type { Change } from '../model/changes';
import { nextCodeColour, REPEAT_KEY, type Code } from '../model/codebook';

/** A code as read from another file (its colour, if it gives one), with its sub-codes. */
export interface IncomingCode extends Omit<Code, 'id' | 'parentId' | 'colour'> {
  /** What the file calls it (a GUID, a row number): used to find the code again. */
  ref: string;
  colour: string | null;
  children: IncomingCode[];
}

export interface CodebookMerge {
  changes: Change[];
  /** Our code id for each incoming ref. */
  codeIds: Map<string, string>;
  added: number;
  updated: number;
  notes: string[];
}

const ENTRY_FIELDS = ['description', 'definition', 'whenToUse', 'whenNotToUse', 'example'] as const;

/**
 * Merges incoming codes into the codebook. `newId` makes the id of an added code from its ref (it
 * must give an id the codebook does not hold). With `update`, a matched code takes the incoming
 * colour, key and any non-empty codebook fields; with `fill`, only the codebook fields it has empty.
 */
export function mergeCodebook(
  codes: readonly Code[],
  incoming: readonly IncomingCode[],
  options: { mode: 'update' | 'fill'; newId: (ref: string, taken: ReadonlySet<string>) => string },
): CodebookMerge {
  const result: CodebookMerge = { changes: [], codeIds: new Map(), added: 0, updated: 0, notes: [] };
  const current = codes.map((c) => ({ ...c }));
  const taken = new Set(current.map((c) => c.id));
  const walk = (list: readonly IncomingCode[], parentId: string | null) => {
    for (const item of list) {
      const name = item.name.trim().replace(/\s+/g, ' ').slice(0, 200) || '(unnamed code)';
      const match = current.find((c) => c.parentId === parentId && c.name.trim().toLowerCase() === name.toLowerCase());
      const keyHolder = (id: string | null) =>
        item.key && (item.key === REPEAT_KEY || item.key.length !== 1 ? { name: 'the repeat key' } : current.find((c) => c.key === item.key && c.id !== id));
      if (match) {
        result.codeIds.set(item.ref, match.id);
        {
          const update = options.mode === 'update';
          const after: Code = { ...match };
          if (item.colour && update) after.colour = item.colour;
          for (const field of ENTRY_FIELDS) if (item[field].trim() && (update || !match[field].trim())) after[field] = item[field];
          if (update && item.key && item.key !== match.key) {
            const holder = keyHolder(match.id);
            if (holder) result.notes.push(`The key ${item.key} stays with “${holder.name}”; “${name}” keeps its own.`);
            else after.key = item.key;
          }
          if (JSON.stringify(after) !== JSON.stringify(match)) {
            result.changes.push({ kind: 'code', id: match.id, before: match, after });
            current[current.indexOf(match)] = after;
            result.updated++;
          }
        }
        walk(item.children, match.id);
        continue;
      }
      const id = options.newId(item.ref, taken);
      taken.add(id);
      let key = item.key;
      const holder = keyHolder(null);
      if (holder) {
        result.notes.push(`The key ${item.key} stays with “${holder.name}”; “${name}” was added without a key.`);
        key = null;
      }
      const code: Code = {
        id,
        name,
        colour: item.colour ?? nextCodeColour(current),
        description: item.description.slice(0, 2000),
        definition: item.definition,
        whenToUse: item.whenToUse,
        whenNotToUse: item.whenNotToUse,
        example: item.example,
        key,
        parentId,
      };
      current.push(code);
      result.changes.push({ kind: 'code', id, before: null, after: code });
      result.codeIds.set(item.ref, id);
      result.added++;
      walk(item.children, id);
    }
  };
  walk(incoming, null);
  return result;
}
