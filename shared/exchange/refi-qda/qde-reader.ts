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
import { readXmlTree, XmlSyntaxError, type TakeElement, type XmlElement } from './xml-tree';

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

function parse(xml: string, take?: TakeElement): Node {
  try {
    return { name: '', attributes: {}, children: readXmlTree(xml, take), text: '' };
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

/** True for a GUID already as we keep it (lower-case hex in the 8-4-4-4-12 layout), checked by hand: it runs several times for each of 100,000 selections. */
export function isPlainGuid(guid: string): boolean {
  if (guid.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = guid.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 0x2d) return false;
    } else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

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
  const root = child(parse(xml, takeSelections(selectionsOf)), 'Project');
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
