/**
 * REFI-QDA export (QDA-XML 1.0, the exchange format that MAXQDA, ATLAS.ti, NVivo and QualCoder
 * read): the `project.qde` of a `.qdpx` project bundle, and a `.qdc` codebook.
 *
 * What goes where:
 * - each coder becomes a `User`, each code a `Code` (nested as in the codebook, with its colour;
 *   the description and the codebook entry go into its `Description`);
 * - each document becomes a `TextSource` whose text travels as `sources/<guid>.txt` (UTF-8,
 *   byte for byte the document's text) and is named by `plainTextPath="internal://<guid>.txt"`;
 * - each coded segment becomes a `PlainTextSelection` with one `Coding`; its creator is the
 *   segment's coder. Its name is the start of its quote (see `selectionName`), so that a reader
 *   can check the positions; the whole quote is in the source's text at those positions;
 * - memos on segments and documents become `Note`s referred to by `NoteRef`;
 * - document variables become `Variables` and `VariableValue`s.
 *
 * Positions are counted in Unicode code points of the exact text (a CRLF is two), as the
 * standard asks for characters and as Python-based tools count.
 *
 * GUIDs come from the caller (`guidFor`), so that this module stays pure and the same project
 * exports with the same GUIDs every time.
 */
import { codeTree, type Code } from '../../model/codebook';
import type { DatasetInput } from '../../model/project';
import { CodePointIndex } from '../../text/offsets';
import { compareInTextOrder, type CodedSegment } from '../../model/segments';
import type { VariableDefinition } from '../../model/variables';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const ORIGIN = 'Annotation Workbench';

/** Makes the GUID of a record: the same kind and key always give the same GUID. */
export type GuidFor = (kind: 'user' | 'code' | 'source' | 'selection' | 'coding' | 'note' | 'variable', key: string) => string;

/** Where a source's text goes inside the bundle, relative to its root. */
export function sourceEntryName(guid: string): string {
  return `sources/${guid}.txt`;
}

/** Characters XML 1.0 cannot hold (dropped), and those an attribute must escape. */
const ATTRIBUTE_SPECIAL = /[&<>"\r\n\t]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };
/** The same for element content, where line breaks and tabs stay as they are. */
const CONTENT_SPECIAL = /[&<>\r]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const CONTENT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/**
 * What may need dropping, found without Unicode mode (much faster on long text): control
 * characters, U+FFFE and U+FFFF, and surrogates (those of a pair are fine; the full check tells).
 */
const MAYBE_UNFIT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTRIBUTE_ESCAPED = /[&<>"\r\n\t]/g;
const CONTENT_ESCAPED = /[&<>\r]/g;

/** Escapes text for an XML attribute or element, dropping characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  // One pass, and none at all for the many names with nothing to escape.
  if (MAYBE_UNFIT.test(text)) return text.replace(ATTRIBUTE_SPECIAL, (c) => ATTRIBUTE_ESCAPES[c] ?? '');
  ATTRIBUTE_ESCAPED.lastIndex = 0;
  if (!ATTRIBUTE_ESCAPED.test(text)) return text;
  return text.replace(ATTRIBUTE_ESCAPED, (c) => ATTRIBUTE_ESCAPES[c]!);
}

/** Escapes element content (line breaks kept as they are, carriage returns as references). */
function escapeContent(text: string): string {
  if (MAYBE_UNFIT.test(text)) return text.replace(CONTENT_SPECIAL, (c) => CONTENT_ESCAPES[c] ?? '');
  CONTENT_ESCAPED.lastIndex = 0;
  if (!CONTENT_ESCAPED.test(text)) return text;
  return text.replace(CONTENT_ESCAPED, (c) => CONTENT_ESCAPES[c]!);
}

/** The longest a selection's name gets (in UTF-16 units, before the ellipsis). */
export const SELECTION_NAME_LIMIT = 60;

/**
 * A selection's name: its quote, or when the quote is longer than `SELECTION_NAME_LIMIT`, its
 * first words up to that length followed by “…” (as other programs shorten names; a reader,
 * ours included, takes such a name as the beginning of the text). The standard asks for no name
 * at all; the whole quote as the name made a project of 100,000 segments a third larger.
 */
export function selectionName(quote: string): string {
  if (quote.length <= SELECTION_NAME_LIMIT) return quote;
  let end = SELECTION_NAME_LIMIT;
  // Never half of a surrogate pair.
  const last = quote.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  // Before the last word cut in two, when a word ends in the second half.
  if (!isSpace(quote.charCodeAt(end))) {
    let space = end - 1;
    while (space >= SELECTION_NAME_LIMIT / 2 && !isSpace(quote.charCodeAt(space))) space--;
    if (space >= SELECTION_NAME_LIMIT / 2) end = space;
  }
  while (end > 0 && isSpace(quote.charCodeAt(end - 1))) end--;
  return `${quote.slice(0, end)}…`;
}

/** White space as JavaScript's `\s` knows it, by UTF-16 unit. */
function isSpace(c: number): boolean {
  return c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const ENTRY_LABELS = [
  ['definition', 'Definition'],
  ['whenToUse', 'When to use'],
  ['whenNotToUse', 'When not to use'],
  ['example', 'Example'],
] as const;

/** A code's description and codebook entry as one text (read back by `splitCodeDescription`). */
export function codeDescription(code: Code): string {
  const parts = [code.description.trim()];
  for (const [field, label] of ENTRY_LABELS) {
    if (code[field].trim()) parts.push(`${label}: ${code[field].trim()}`);
  }
  return parts.filter(Boolean).join('\n\n');
}

/** Splits a code's `Description` into the one-line description and the codebook entry. */
export function splitCodeDescription(text: string): Pick<Code, 'description' | 'definition' | 'whenToUse' | 'whenNotToUse' | 'example'> {
  const result = { description: '', definition: '', whenToUse: '', whenNotToUse: '', example: '' };
  const labels = ENTRY_LABELS.map(([, label]) => label).join('|');
  const pieces = text.replace(/\r\n?/g, '\n').split(new RegExp(`\\n\\n(?=(?:${labels}): )`));
  result.description = (pieces.shift() ?? '').trim();
  for (const piece of pieces) {
    const entry = ENTRY_LABELS.find(([, label]) => piece.startsWith(`${label}: `));
    if (entry) result[entry[0]] = piece.slice(entry[1].length + 2).trim();
    else result.description = `${result.description}\n\n${piece}`.trim();
  }
  // A description from another program may be long; the first line is ours, the rest goes to the definition.
  if (result.description.length > 2000) {
    result.definition = [result.description, result.definition].filter(Boolean).join('\n\n');
    result.description = result.description.slice(0, 200).split('\n')[0]!;
  }
  return result;
}

/** The `<Code>` elements of a codebook, nested by parent, in codebook order. */
function codeElements(codes: readonly Code[], guidFor: GuidFor, indent: string): string[] {
  const lines: string[] = [];
  const tree = codeTree(codes);
  const children = (parentId: string | null) => tree.filter(({ code }) => code.parentId === parentId).map(({ code }) => code);
  const write = (code: Code, depth: number) => {
    const pad = indent + '  '.repeat(depth);
    const description = codeDescription(code);
    const kids = children(code.id);
    const open = `${pad}<Code guid="${guidFor('code', code.id)}" name="${escapeXml(code.name)}" isCodable="true" color="${code.colour}"`;
    if (!description && !kids.length) {
      lines.push(`${open}/>`);
      return;
    }
    lines.push(`${open}>`);
    if (description) lines.push(`${pad}  <Description>${escapeContent(description)}</Description>`);
    for (const kid of kids) write(kid, depth + 1);
    lines.push(`${pad}</Code>`);
  };
  for (const code of children(null)) write(code, 0);
  return lines;
}

/** A `.qdc` codebook: every code with its colour, description and place in the hierarchy. */
export function codebookQdc(codes: readonly Code[], guidFor: GuidFor): string {
  if (!codes.length) throw new Error('A REFI-QDA codebook needs at least one code.');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${CODEBOOK_NAMESPACE}" origin="${ORIGIN}">`,
    '  <Codes>',
    ...codeElements(codes, guidFor, '    '),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}

const VARIABLE_TYPES: Record<VariableDefinition['type'], string> = { text: 'Text', number: 'Float', date: 'Date', choice: 'Text' };

/** A number as xsd:decimal (no exponent). */
function decimal(value: number): string {
  const plain = String(value);
  if (!/e/i.test(plain)) return plain;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

export interface ProjectQdeOptions {
  projectName: string;
  /** The coder who makes the export (the project's current coder). */
  exportingCoder: string;
  /** ISO 8601 time of the export. */
  now: string;
  guidFor: GuidFor;
  /** Hears of each coded segment as it is written (for progress). */
  onSegment?: () => void;
}

/** Selections per part of the XML, so that a caller can pause between parts. */
const SELECTIONS_PER_PART = 500;

/** The `project.qde` of a `.qdpx` bundle; the source texts go beside it (see `sourceEntryName`). */
export function projectQde(input: DatasetInput, options: ProjectQdeOptions): string {
  return [...projectQdeParts(input, options)].map((pieces) => pieces.join('')).join('');
}

/**
 * The `project.qde` in parts (the head, then each document in parts of up to 500 selections, then
 * the notes), each part a list of pieces that follow one another. The pieces are never joined
 * here: a writer encodes each into its bytes as it is (joining tens of megabytes of small strings
 * into one, to encode it after, took several times as long).
 */
export function* projectQdeParts(input: DatasetInput, options: ProjectQdeOptions): Generator<readonly string[]> {
  // Users and codes are named again and again: their GUIDs are made once.
  const made = { user: new Map<string, string>(), code: new Map<string, string>() };
  const guidFor: GuidFor = (kind, key) => {
    if (kind !== 'user' && kind !== 'code') return options.guidFor(kind, key);
    let guid = made[kind].get(key);
    if (guid === undefined) made[kind].set(key, (guid = options.guidFor(kind, key)));
    return guid;
  };
  const user = (name: string) => guidFor('user', name);
  const coders = [...new Set([options.exportingCoder, ...input.segments.map((s) => s.coder)])];
  const notes: string[] = [];
  const note = (key: string, name: string, text: string, creator: string, created: string) => {
    const guid = guidFor('note', key);
    notes.push(
      `    <Note guid="${guid}" name="${escapeXml(name)}" creatingUser="${user(creator)}" creationDateTime="${created}">`,
      `      <PlainTextContent>${escapeContent(text)}</PlainTextContent>`,
      '    </Note>',
    );
    return guid;
  };
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${PROJECT_NAMESPACE}" name="${escapeXml(options.projectName)}" origin="${ORIGIN}" creatingUserGUID="${user(options.exportingCoder)}" creationDateTime="${options.now}">`,
    '  <Users>',
    ...coders.map((name) => `    <User guid="${user(name)}" name="${escapeXml(name)}"/>`),
    '  </Users>',
  ];
  if (input.codes.length) out.push('  <CodeBook>', '    <Codes>', ...codeElements(input.codes, guidFor, '      '), '    </Codes>', '  </CodeBook>');
  const variables = input.variables ?? [];
  if (variables.length) {
    out.push('  <Variables>');
    for (const variable of variables) {
      const head = `    <Variable guid="${guidFor('variable', variable.name)}" name="${escapeXml(variable.name)}" typeOfVariable="${VARIABLE_TYPES[variable.type]}"`;
      if (variable.type === 'choice' && variable.choices.length) {
        out.push(`${head}>`, `      <Description>${escapeContent(`One of: ${variable.choices.join(' | ')}`)}</Description>`, '    </Variable>');
      } else out.push(`${head}/>`);
    }
    out.push('  </Variables>');
  }
  const byDocument = new Map<string, CodedSegment[]>();
  for (const segment of input.segments) {
    const list = byDocument.get(segment.documentId) ?? [];
    list.push(segment);
    byDocument.set(segment.documentId, list);
  }
  if (input.documents.length) out.push('  <Sources>');
  for (const { record, text } of input.documents) {
    const guid = guidFor('source', record.id);
    out.push(
      `    <TextSource guid="${guid}" name="${escapeXml(record.title)}" plainTextPath="internal://${guid}.txt" creatingUser="${user(options.exportingCoder)}" creationDateTime="${record.addedAt}">`,
    );
    const index = new CodePointIndex(text);
    let pieces: string[] = [`${out.join('\n')}\n`];
    out.length = 0;
    for (const segment of [...(byDocument.get(record.id) ?? [])].sort(compareInTextOrder)) {
      const coder = user(segment.coder);
      const modified = segment.updatedAt === segment.createdAt ? '' : ` modifyingUser="${coder}" modifiedDateTime="${escapeXml(segment.updatedAt)}"`;
      const memo = segment.memo
        ? `        <NoteRef targetGUID="${note(`segment:${segment.id}`, `Memo on “${segment.quote.slice(0, 60)}”`, segment.memo, segment.coder, segment.updatedAt)}"/>\n`
        : '';
      const created = escapeXml(segment.createdAt);
      // One string per selection (a hundred thousand of them make a project of some 55 MB).
      pieces.push(
        `      <PlainTextSelection guid="${guidFor('selection', segment.id)}" name="${escapeXml(selectionName(segment.quote))}" startPosition="${index.toCodePoints(segment.start)}" endPosition="${index.toCodePoints(segment.end)}" creatingUser="${coder}" creationDateTime="${created}"${modified}>\n` +
          `        <Coding guid="${guidFor('coding', segment.id)}" creatingUser="${coder}" creationDateTime="${created}">\n` +
          `          <CodeRef targetGUID="${guidFor('code', segment.codeId)}"/>\n` +
          `        </Coding>\n${memo}      </PlainTextSelection>\n`,
      );
      options.onSegment?.();
      if (pieces.length >= SELECTIONS_PER_PART) {
        yield pieces;
        pieces = [];
      }
    }
    if (pieces.length) yield pieces;
    if (record.memo) {
      const ref = note(`document:${record.id}`, `Memo on ${record.title}`, record.memo, options.exportingCoder, options.now);
      out.push(`      <NoteRef targetGUID="${ref}"/>`);
    }
    for (const variable of variables) {
      const value = record.values[variable.name];
      if (value === undefined || value === null || value === '') continue;
      const element = variable.type === 'number' ? 'FloatValue' : variable.type === 'date' ? 'DateValue' : 'TextValue';
      const content = typeof value === 'number' ? decimal(value) : escapeContent(String(value));
      out.push(
        '      <VariableValue>',
        `        <VariableRef targetGUID="${guidFor('variable', variable.name)}"/>`,
        `        <${element}>${content}</${element}>`,
        '      </VariableValue>',
      );
    }
    out.push('    </TextSource>');
    yield [`${out.join('\n')}\n`];
    out.length = 0;
  }
  if (input.documents.length) out.push('  </Sources>');
  if (notes.length) out.push('  <Notes>', ...notes, '  </Notes>');
  out.push('</Project>', '');
  yield [out.join('\n')];
}
