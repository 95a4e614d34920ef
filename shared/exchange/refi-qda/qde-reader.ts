/**
 * REFI-QDA import, first half: reads a `project.qde` or a `.qdc` codebook (QDA-XML 1.0, as
 * written by MAXQDA, ATLAS.ti, NVivo, QualCoder and by us) into plain records. What the records
 * mean for a project (which code is which, where a selection falls in the text) is decided by
 * `project-import.ts`; this module only reads, and says clearly when a file is not QDA-XML.
 *
 * Positions are kept as written. Text sources are read with their selections and codings;
 * a PDF source is read through its text representation when it has one; pictures, audio and
 * video are listed as left out, by name.
 */
import { WorkbenchFailure } from '../../model/failure';
import { decodedOrNull, readXmlTree, XmlSyntaxError, type SkimElement, type TakeElement, type XmlElement } from './xml-tree';

export interface QdeCode {
  guid: string;
  name: string;
  /** `#rrggbb`, or null when the file gives none. */
  colour: string | null;
  description: string;
  isCodable: boolean;
  children: QdeCode[];
}

export interface QdeCoding {
  guid: string;
  codeGuid: string;
  creatingUser: string | null;
  created: string | null;
  noteGuids: string[];
}

export interface QdeSelection {
  guid: string;
  /** The selection's name: most programs write (the start of) the selected text here. */
  name: string;
  start: number;
  end: number;
  creatingUser: string | null;
  created: string | null;
  modified: string | null;
  codings: QdeCoding[];
  noteGuids: string[];
}

export interface QdeVariableValue {
  variableGuid: string;
  value: string | number | boolean | null;
}

export interface QdeSource {
  guid: string;
  name: string;
  /** `internal://file` (inside the bundle) or a path outside it. */
  plainTextPath: string | null;
  plainTextContent: string | null;
  selections: QdeSelection[];
  /** Codings of the whole source. */
  codings: QdeCoding[];
  noteGuids: string[];
  values: QdeVariableValue[];
}

export interface QdeVariable {
  guid: string;
  name: string;
  type: 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';
  description: string;
}

export interface QdeProject {
  name: string;
  origin: string | null;
  creatingUser: string | null;
  /** Coder names by GUID (the GUID itself when a user has no name). */
  users: Map<string, string>;
  codes: QdeCode[];
  variables: QdeVariable[];
  sources: QdeSource[];
  /** Sources that are not text (pictures, audio, video, PDF without text), by kind and name. */
  leftOut: Array<{ kind: string; name: string }>;
  notes: Map<string, { name: string; text: string }>;
}

type Node = XmlElement;

function parse(xml: string, take?: TakeElement, skim?: SkimElement): Node {
  try {
    return { name: '', attributes: {}, children: readXmlTree(xml, take, skim), text: '' };
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new WorkbenchFailure('invalid-input', `The file is not well-formed XML: ${error.message}`);
  }
}

/** The child elements of a name. */
const list = (node: Node | undefined, name: string): Node[] => node?.children.filter((element) => element.name === name) ?? [];
/** The first child element of a name. */
const child = (node: Node | undefined, name: string): Node | undefined => node?.children.find((element) => element.name === name);
const attr = (node: Node, name: string): string | null => {
  const value = node.attributes[name];
  return typeof value === 'string' ? value : null;
};
/** The text of a child element that may hold only text (or be empty); null when there is no such child. */
const text = (node: Node | undefined, name: string): string | null => child(node, name)?.text ?? null;

/** True for a GUID already as we keep it (lower-case hex in the 8-4-4-4-12 layout); it runs several times for each of 100,000 selections. */
export function isPlainGuid(guid: string): boolean {
  return guid.length === 36 && PLAIN_GUID.test(guid);
}

const PLAIN_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A GUID as we keep it: lower case, without braces. */
export function normaliseGuid(guid: string): string {
  if (isPlainGuid(guid)) return guid;
  return guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

const guidOf = (node: Node, what: string): string => {
  const guid = attr(node, 'guid');
  if (!guid) throw new WorkbenchFailure('invalid-input', `A ${what} in the file has no guid.`);
  return normaliseGuid(guid);
};

/** `#abc` or `#aabbcc` as `#aabbcc`; null for anything else. */
function colourOf(value: string | null): string | null {
  const colour = value?.trim() ?? '';
  if (/^#[0-9a-f]{6}$/i.test(colour)) return colour.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(colour)) return `#${[...colour.slice(1)].map((c) => c + c).join('')}`.toUpperCase();
  return null;
}

/**
 * How deeply codes may nest in a file: far more than any codebook needs, and few enough that
 * reading them (and everything after that walks the codebook) stays well within the stack.
 */
export const MAX_CODE_DEPTH = 100;

function readCodes(parent: Node | undefined, depth = 1): QdeCode[] {
  const codes = list(parent, 'Code');
  if (codes.length && depth > MAX_CODE_DEPTH) {
    throw new WorkbenchFailure('invalid-input', `The codes in the file are nested more than ${MAX_CODE_DEPTH} levels deep; the Workbench reads codebooks up to that depth.`);
  }
  return codes.map((node) => ({
    guid: guidOf(node, 'code'),
    name: (attr(node, 'name') ?? '').trim() || '(unnamed code)',
    colour: colourOf(attr(node, 'color')),
    description: text(node, 'Description') ?? '',
    isCodable: attr(node, 'isCodable') !== 'false',
    children: readCodes(node, depth + 1),
  }));
}

/** The GUIDs of the notes an element refers to. */
function noteRefs(node: Node): string[] {
  let guids: string[] | null = null;
  for (const element of node.children) {
    if (element.name !== 'NoteRef') continue;
    const guid = normaliseGuid(attr(element, 'targetGUID') ?? '');
    if (guid) (guids ??= []).push(guid);
  }
  return guids ?? [];
}

/** The codings of an element, read in one pass over its children (a selection has one, most often). */
function readCodings(node: Node): QdeCoding[] {
  const codings: QdeCoding[] = [];
  for (const coding of node.children) {
    if (coding.name !== 'Coding') continue;
    const ref = child(coding, 'CodeRef');
    const target = ref && attr(ref, 'targetGUID');
    if (!target) continue;
    const creatingUser = attr(coding, 'creatingUser');
    codings.push({
      guid: guidOf(coding, 'coding'),
      codeGuid: normaliseGuid(target),
      creatingUser: creatingUser && normaliseGuid(creatingUser),
      created: attr(coding, 'creationDateTime'),
      noteGuids: coding.children.length > 1 ? noteRefs(coding) : [],
    });
  }
  return codings;
}

function integer(node: Node, name: string, what: string): number {
  const raw = attr(node, name);
  const value = raw === null ? NaN : Number(raw.trim());
  if (!Number.isSafeInteger(value)) {
    throw new WorkbenchFailure('invalid-input', `The ${what} “${attr(node, 'name') ?? attr(node, 'guid')}” has no whole-number ${name}.`);
  }
  return value;
}

function readValues(node: Node): QdeVariableValue[] {
  return list(node, 'VariableValue').flatMap((entry) => {
    const ref = child(entry, 'VariableRef');
    const target = ref && attr(ref, 'targetGUID');
    if (!target) return [];
    const read = (): QdeVariableValue['value'] => {
      for (const name of ['TextValue', 'DateValue', 'DateTimeValue']) {
        const value = text(entry, name);
        if (value !== null) return value;
      }
      for (const name of ['IntegerValue', 'FloatValue']) {
        const value = text(entry, name);
        if (value !== null && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      }
      const flag = text(entry, 'BooleanValue');
      return flag === null ? null : flag.trim() === 'true' || flag.trim() === '1';
    };
    return [{ variableGuid: normaliseGuid(target), value: read() }];
  });
}

function readSelection(selection: Node): QdeSelection {
  const creatingUser = attr(selection, 'creatingUser');
  return {
    guid: guidOf(selection, 'selection'),
    name: attr(selection, 'name') ?? '',
    start: integer(selection, 'startPosition', 'selection'),
    end: integer(selection, 'endPosition', 'selection'),
    creatingUser: creatingUser && normaliseGuid(creatingUser),
    created: attr(selection, 'creationDateTime'),
    modified: attr(selection, 'modifiedDateTime'),
    codings: readCodings(selection),
    noteGuids: noteRefs(selection),
  };
}

/** The selections of each source, read as each one ends (see `TakeElement`). */
type SelectionsOf = Map<Node, QdeSelection[]>;

function takeSelections(into: SelectionsOf): TakeElement {
  return (element, parent) => {
    if (element.name !== 'PlainTextSelection') return false;
    let selections = into.get(parent);
    if (!selections) into.set(parent, (selections = []));
    selections.push(readSelection(element));
    return true;
  };
}

/** XML's white space (space, line feed, tab, carriage return). */
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** The attributes a selection's own tag may carry in the plain shape (see `skimSelections`), and those of its parts. */
const SELECTION_ATTRIBUTES = ['guid', 'name', 'startPosition', 'endPosition', 'creatingUser', 'creationDateTime', 'modifyingUser', 'modifiedDateTime'];
const [GUID, NAME, START, END, CREATING_USER, CREATED, , MODIFIED] = SELECTION_ATTRIBUTES.map((_, i) => i) as number[];
const CODING_ATTRIBUTES = ['guid', 'creatingUser', 'creationDateTime'];
const [CODING_GUID, CODING_USER, CODING_CREATED] = [0, 1, 2];
const REF_ATTRIBUTES = ['targetGUID'];
/**
 * Reads the attributes of a tag from `at` (just past its name) in the plain shape only: each
 * after white space, as name="value", a name from `known` given once, a value with no `<` in
 * it and no reference to a character XML does not allow. Their values (decoded as the tree
 * reader decodes them) go into `values` by their place in `known`; the answer is where the tag
 * ends (past its `>`), negative when it closed itself (`/>`), or 0 for anything else.
 */
function plainAttributes(xml: string, at: number, known: readonly string[], values: Array<string | undefined>): number {
  values.fill(undefined);
  // The tag and its values end before the next `<` (a value may not hold one).
  const limit = xml.indexOf('<', at);
  const end = limit < 0 ? xml.length : limit;
  let next = 0;
  for (;;) {
    let c = xml.charCodeAt(at);
    if (c === 0x3e /* > */) return at + 1;
    if (c === 0x2f /* / */) return xml.charCodeAt(at + 1) === 0x3e ? -(at + 2) : 0;
    if (!isSpace(c)) return 0;
    while (isSpace((c = xml.charCodeAt(++at))));
    if (c === 0x3e || c === 0x2f) continue;
    // The attributes most often come in the order of `known`: the next one is tried first.
    let found = -1;
    for (let k = 0; k < known.length; k++) {
      const i = (next + k) % known.length;
      const name = known[i]!;
      if (xml.startsWith(name, at) && xml.charCodeAt(at + name.length) === 0x3d /* = */ && xml.charCodeAt(at + name.length + 1) === 0x22 /* " */) {
        found = i;
        break;
      }
    }
    if (found < 0 || values[found] !== undefined) return 0;
    const from = at + known[found]!.length + 2;
    const close = xml.indexOf('"', from);
    if (close < 0 || close >= end) return 0;
    const raw = xml.slice(from, close);
    const value = raw.includes('&') || raw.includes('\r') ? decodedOrNull(raw) : raw;
    if (value === null) return 0;
    values[found] = value;
    at = close + 1;
    next = found + 1;
  }
}

/** Past the white space from `at`. */
function skipSpace(xml: string, at: number): number {
  while (isSpace(xml.charCodeAt(at))) at++;
  return at;
}

/** A whole number as `integer` reads it, or null. */
function plainInteger(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const value = Number(raw.trim());
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Reads each `<PlainTextSelection>` in its plain shape (its codings, each with one `<CodeRef>`,
 * then its note references; attributes as `plainAttributes` takes them) straight from the text
 * into the selections of its source, as `readSelection` would read its tree; a selection in any
 * other shape is left to the tree reader and `takeSelections` (see `SkimElement`). A project of
 * 100,000 selections spent most of its reading on the trees of its selections.
 */
function skimSelections(into: SelectionsOf): SkimElement {
  const own: Array<string | undefined> = new Array(SELECTION_ATTRIBUTES.length);
  const coding: Array<string | undefined> = new Array(CODING_ATTRIBUTES.length);
  const ref: Array<string | undefined> = [undefined];
  /** The GUIDs of users and codes as kept, by the text read: the few of them come back on every selection. */
  const normalised = new Map<string, string>();
  const shared = (guid: string): string => {
    let kept = normalised.get(guid);
    if (kept === undefined) normalised.set(guid, (kept = normaliseGuid(guid)));
    return kept;
  };
  const read = (xml: string, open: number, parent: Node): number => {
    const tag = plainAttributes(xml, open + '<PlainTextSelection'.length, SELECTION_ATTRIBUTES, own);
    if (!tag) return -1;
    const guid = own[GUID];
    const start = plainInteger(own[START]);
    const end = plainInteger(own[END]);
    if (!guid || start === null || end === null) return -1;
    const codings: QdeCoding[] = [];
    const noteGuids: string[] = [];
    let at = Math.abs(tag);
    if (tag > 0) {
      for (;;) {
        at = skipSpace(xml, at);
        if (noteGuids.length === 0 && xml.startsWith('<Coding', at)) {
          const codingTag = plainAttributes(xml, at + '<Coding'.length, CODING_ATTRIBUTES, coding);
          const codingGuid = coding[CODING_GUID];
          if (codingTag <= 0 || !codingGuid) return -1;
          at = skipSpace(xml, codingTag);
          if (!xml.startsWith('<CodeRef', at)) return -1;
          const refTag = plainAttributes(xml, at + '<CodeRef'.length, REF_ATTRIBUTES, ref);
          const target = ref[0];
          if (refTag >= 0 || !target) return -1;
          at = skipSpace(xml, -refTag);
          if (!xml.startsWith('</Coding>', at)) return -1;
          at += '</Coding>'.length;
          const creatingUser = coding[CODING_USER] ?? null;
          codings.push({ guid: normaliseGuid(codingGuid), codeGuid: shared(target), creatingUser: creatingUser && shared(creatingUser), created: coding[CODING_CREATED] ?? null, noteGuids: [] });
        } else if (xml.startsWith('<NoteRef', at)) {
          const refTag = plainAttributes(xml, at + '<NoteRef'.length, REF_ATTRIBUTES, ref);
          if (refTag >= 0) return -1;
          const target = normaliseGuid(ref[0] ?? '');
          if (target) noteGuids.push(target);
          at = -refTag;
        } else if (xml.startsWith('</PlainTextSelection>', at)) {
          at += '</PlainTextSelection>'.length;
          break;
        } else return -1;
      }
    }
    const creatingUser = own[CREATING_USER] ?? null;
    let selections = into.get(parent);
    if (!selections) into.set(parent, (selections = []));
    selections.push({
      guid: normaliseGuid(guid),
      name: own[NAME] ?? '',
      start,
      end,
      creatingUser: creatingUser && shared(creatingUser),
      created: own[CREATED] ?? null,
      modified: own[MODIFIED] ?? null,
      codings,
      noteGuids,
    });
    return at;
  };
  return { name: 'PlainTextSelection', read };
}

function readTextSource(node: Node, name: string, selectionsOf: SelectionsOf): QdeSource {
  return {
    guid: guidOf(node, 'source'),
    name,
    plainTextPath: attr(node, 'plainTextPath'),
    plainTextContent: text(node, 'PlainTextContent'),
    selections: selectionsOf.get(node) ?? [],
    codings: readCodings(node),
    noteGuids: noteRefs(node),
    values: readValues(node),
  };
}

const VARIABLE_TYPES = new Set(['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime']);

/** Reads a `project.qde`. Throws a WorkbenchFailure when the text is not a QDA-XML project. */
export function readProjectQde(xml: string): QdeProject {
  const selectionsOf: SelectionsOf = new Map();
  const root = child(parse(xml, takeSelections(selectionsOf), skimSelections(selectionsOf)), 'Project');
  if (!root) throw new WorkbenchFailure('invalid-input', 'This is not a REFI-QDA project: its XML has no <Project> element.');
  const users = new Map<string, string>();
  for (const user of list(child(root, 'Users'), 'User')) {
    const guid = guidOf(user, 'user');
    users.set(guid, attr(user, 'name')?.trim() || guid);
  }
  const notes = new Map<string, { name: string; text: string }>();
  for (const note of list(child(root, 'Notes'), 'Note')) {
    notes.set(guidOf(note, 'note'), { name: attr(note, 'name') ?? '', text: text(note, 'PlainTextContent') ?? '' });
  }
  const sources: QdeSource[] = [];
  const leftOut: QdeProject['leftOut'] = [];
  const sourceList = child(root, 'Sources');
  for (const node of list(sourceList, 'TextSource')) sources.push(readTextSource(node, attr(node, 'name') ?? guidOf(node, 'source'), selectionsOf));
  for (const node of list(sourceList, 'PDFSource')) {
    const representation = child(node, 'Representation');
    const name = attr(node, 'name') ?? guidOf(node, 'source');
    if (representation) sources.push(readTextSource(representation, name, selectionsOf));
    else leftOut.push({ kind: 'PDF without a text representation', name });
  }
  for (const [kind, element] of [['picture', 'PictureSource'], ['audio', 'AudioSource'], ['video', 'VideoSource']] as const) {
    for (const node of list(sourceList, element)) leftOut.push({ kind, name: attr(node, 'name') ?? guidOf(node, 'source') });
  }
  return {
    name: attr(root, 'name') ?? '',
    origin: attr(root, 'origin'),
    creatingUser: attr(root, 'creatingUserGUID') && normaliseGuid(attr(root, 'creatingUserGUID')!),
    users,
    codes: readCodes(child(child(root, 'CodeBook'), 'Codes')),
    variables: list(child(root, 'Variables'), 'Variable').map((node) => {
      const type = attr(node, 'typeOfVariable') ?? 'Text';
      return {
        guid: guidOf(node, 'variable'),
        name: (attr(node, 'name') ?? '').trim(),
        type: (VARIABLE_TYPES.has(type) ? type : 'Text') as QdeVariable['type'],
        description: text(node, 'Description') ?? '',
      };
    }),
    sources,
    leftOut,
    notes,
  };
}

/** Reads a `.qdc` codebook. Throws a WorkbenchFailure when the text is not one. */
export function readCodebookQdc(xml: string): QdeCode[] {
  const root = child(parse(xml), 'CodeBook');
  if (!root) throw new WorkbenchFailure('invalid-input', 'This is not a REFI-QDA codebook: its XML has no <CodeBook> element.');
  const codes = readCodes(child(root, 'Codes'));
  if (!codes.length) throw new WorkbenchFailure('invalid-input', 'The REFI-QDA codebook holds no codes.');
  return codes;
}
