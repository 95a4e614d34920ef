/**
 * A small XML reader for QDA-XML files: the text becomes a tree of elements (local names,
 * attributes, the text directly inside each), read in one pass with `indexOf` and sticky
 * patterns. A project of 100,000 coded segments is a 10 MB file; a general-purpose parser that
 * builds objects by path and decodes entities value by value spent tens of seconds on it.
 *
 * It reads what QDA-XML needs and what other programs write: elements, attributes in either
 * quote, character data, CDATA sections, comments, processing instructions and a DOCTYPE (skipped),
 * the five XML entities, numeric character references and the common HTML entities (some programs
 * write `&nbsp;`); an unknown entity stays as written. Line ends are normalised as XML asks (CRLF
 * and a lone CR become LF; a `&#13;` stays a CR). Namespace prefixes are dropped from names. A
 * file that is not well-formed (an element not closed, or closed by another name; an attribute
 * without a quoted value or given twice; text outside the root; a character XML does not allow,
 * written or referred to) is refused with where and why.
 */

/** An element: its local name, its attributes, its child elements and the text directly inside it. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (CDATA included), joined; without the white space between child elements. */
  text: string;
}

/** Thrown when the text is not well-formed XML; `message` says where and why. */
export class XmlSyntaxError extends Error {}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  nbsp: '\u00a0', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026',
  laquo: '\u00ab', raquo: '\u00bb', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', bull: '\u2022',
  para: '\u00b6', sect: '\u00a7', deg: '\u00b0', frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be',
  cent: '\u00a2', pound: '\u00a3', yen: '\u00a5', euro: '\u20ac',
};

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]*));/g;

/** A character XML allows in a document (its `Char` production). */
const isXmlCharacter = (code: number) =>
  code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

/** The characters XML does not allow that a decoded file can hold (control characters, U+FFFE, U+FFFF). */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** A character reference to a character XML does not allow; readXmlTree says where. */
class ForbiddenReference extends Error {}

function entity(whole: string, hex: string | undefined, decimal: string | undefined, name: string | undefined): string {
  if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name]! : whole;
  const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
  if (!isXmlCharacter(code)) throw new ForbiddenReference(`the reference ${whole} stands for a character XML does not allow`);
  return String.fromCodePoint(code);
}

/** Character data as it reads: line ends normalised, then references replaced. */
function decode(raw: string): string {
  let value = raw;
  if (value.includes('\r')) value = value.replace(/\r\n?/g, '\n');
  if (value.includes('&')) value = value.replace(ENTITY, entity);
  return value;
}

/**
 * An attribute's value or character data as it reads (see `decode`), or null when it refers to a
 * character XML does not allow (the tree reader refuses it, saying where).
 */
export function decodedOrNull(raw: string): string | null {
  try {
    return decode(raw);
  } catch (error) {
    if (error instanceof ForbiddenReference) return null;
    throw error;
  }
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const BLANK = /[ \t\r\n]*/y;
/** An attribute with its value in either quote, after white space. */
const ATTRIBUTE = /[ \t\r\n]+([^\s/>=<"']+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/y;
/** The children of an element that has none (most have none): one array for all of them, frozen so none is added to it. */
const NO_CHILDREN = Object.freeze([]) as unknown as XmlElement[];
/** White space as XML counts it (space, tab, line feed, carriage return). */
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
/** What may stand in a name here: anything but white space and the characters that end one. */
const isNameCharacter = (c: number) => !isSpace(c) && c !== 0x2f && c !== 0x3e && c !== 0x3d && c !== 0x3c && c !== 0x22 && c !== 0x27;

/**
 * Takes an element as soon as it is closed, with its parent; true when it has been taken (it is
 * then left out of its parent's children). A reader of 100,000 selections takes each as it ends,
 * so that the elements it was read from are let go at once instead of living as long as the tree.
 */
export type TakeElement = (element: XmlElement, parent: XmlElement) => boolean;

/**
 * Reads an element of one name straight from the text, without making its tree: given the text,
 * where the element's `<` stands and its parent, it reads the element whole and answers where it
 * ends, or -1 when the element is not in the plain shape it knows (the reader then reads it as
 * any other, with every check). It must answer a position only for an element that is well-formed
 * and that the tree reader would read the same; what it read is its own (the element is left out
 * of its parent's children, as a taken one is).
 */
export interface SkimElement {
  /** The element's name as written (with its prefix, if any). */
  name: string;
  read(xml: string, open: number, parent: XmlElement): number;
}

/** Reads XML text into its top-level elements (a well-formed file has one: the root). */
export function readXmlTree(xml: string, take?: TakeElement, skim?: SkimElement): XmlElement[] {
  const top: XmlElement = { name: '', attributes: Object.create(null) as Record<string, string>, children: [], text: '' };
  const stack: XmlElement[] = [top];
  /** The open elements' names as written (with their prefix), which their end tags must repeat. */
  const tags: string[] = [''];
  const length = xml.length;
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (why: string, where: number): never => {
    let line = 1;
    for (let i = xml.indexOf('\n'); i >= 0 && i < where; i = xml.indexOf('\n', i + 1)) line++;
    throw new XmlSyntaxError(`${why} (line ${line})`);
  };
  const forbidden = FORBIDDEN_CHARACTER.exec(xml);
  if (forbidden) {
    const code = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    fail(`the file holds the character U+${code}, which XML does not allow`, forbidden.index);
  }
  /** Character data as it reads, or a refusal that says where a reference to a forbidden character stands. */
  const decodeAt = (raw: string, where: number): string => {
    try {
      return decode(raw);
    } catch (error) {
      if (error instanceof ForbiddenReference) fail(error.message, where);
      throw error;
    }
  };
  /** Sets an attribute (a namespace declaration says nothing the reader needs); one given twice is refused. */
  const setAttribute = (element: XmlElement, name: string, raw: string, where: number) => {
    if (name === 'xmlns' || name.startsWith('xmlns:')) return;
    const local = localName(name);
    if (local in element.attributes) fail(`the attribute ${local} is given twice in <${element.name}>`, where);
    element.attributes[local] = decodeAt(raw, where);
  };
  const addText = (raw: string, where: number, cdata: boolean) => {
    const current = stack[stack.length - 1]!;
    const blank = !cdata && !/\S/.test(raw);
    if (current === top) {
      if (!blank) fail('text outside the root element', where);
      return;
    }
    // The white space that indents child elements is no one's text (taken ones included).
    if (blank && current.children !== NO_CHILDREN) return;
    current.text += cdata ? raw.replace(/\r\n?/g, '\n') : decodeAt(raw, where);
  };
  /** The parent has a child element (even one taken or skimmed): the white space that indented it is no one's text. */
  const hasChildren = (parent: XmlElement) => {
    if (parent.children !== NO_CHILDREN) return;
    parent.children = [];
    if (!/\S/.test(parent.text)) parent.text = '';
  };
  const addElement = (element: XmlElement, where: number) => {
    const parent = stack[stack.length - 1]!;
    if (parent === top && top.children.length > 0) fail('a second root element', where);
    hasChildren(parent);
    parent.children.push(element);
  };
  /** An element has ended (its parent is on top of the stack again): the taker may take it. */
  const closed = (element: XmlElement) => {
    const parent = stack[stack.length - 1]!;
    if (take && parent !== top && take(element, parent)) parent.children.pop();
  };
  const skipSpace = () => {
    while (at < length && isSpace(xml.charCodeAt(at))) at++;
  };
  /** The name that starts at `at` (moving past it); '' when none does. */
  const readName = () => {
    const from = at;
    while (at < length && isNameCharacter(xml.charCodeAt(at))) at++;
    return xml.slice(from, at);
  };
  while (at < length) {
    const open = xml.indexOf('<', at);
    if (open < 0) {
      addText(xml.slice(at), at, false);
      break;
    }
    if (open > at) {
      // The white space that indents the elements is most of what lies between tags: skipped unread.
      BLANK.lastIndex = at;
      BLANK.test(xml);
      if (BLANK.lastIndex !== open || stack[stack.length - 1]!.children === NO_CHILDREN) addText(xml.slice(at, open), at, false);
    }
    const next = xml.charCodeAt(open + 1);
    if (next === 0x2f /* / */) {
      const close = xml.indexOf('>', open);
      if (close < 0) fail('an end tag is not closed', open);
      const name = xml.slice(open + 2, close).trim();
      const current = stack.pop()!;
      const tag = tags.pop()!;
      if (current === top) fail(`</${name}> closes no element`, open);
      if (name !== tag) fail(`</${name}> closes <${tag}>`, open);
      closed(current);
      at = close + 1;
    } else if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', open + 2);
      if (close < 0) fail('a processing instruction is not closed', open);
      at = close + 2;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', open)) {
        const close = xml.indexOf('-->', open + 4);
        if (close < 0) fail('a comment is not closed', open);
        at = close + 3;
      } else if (xml.startsWith('<![CDATA[', open)) {
        const close = xml.indexOf(']]>', open + 9);
        if (close < 0) fail('a CDATA section is not closed', open);
        addText(xml.slice(open + 9, close), open, true);
        at = close + 3;
      } else if (xml.startsWith('<!DOCTYPE', open)) {
        // Skipped with its internal subset, if any (entities it declares are not expanded); a quoted
        // literal (an entity's value, a system id) may hold any of ] > [ and is skipped whole.
        let i = open + 9;
        let depth = 0;
        for (; i < length; i++) {
          const c = xml[i];
          if (c === '"' || c === "'") {
            const end = xml.indexOf(c, i + 1);
            if (end < 0) break;
            i = end;
          } else if (c === '[') depth++;
          else if (c === ']') depth--;
          else if (c === '>' && depth <= 0) break;
        }
        if (i >= length) fail('the DOCTYPE is not closed', open);
        at = i + 1;
      } else fail('a markup declaration that is not XML', open);
    } else {
      at = open + 1;
      const tag = readName();
      if (!tag) fail('a “<” that starts no element', open);
      if (skim && tag === skim.name && stack.length > 1) {
        const parent = stack[stack.length - 1]!;
        const end = skim.read(xml, open, parent);
        if (end > open) {
          hasChildren(parent);
          at = end;
          continue;
        }
      }
      // Without a prototype, so that an attribute named __proto__ is kept like any other.
      const element: XmlElement = { name: localName(tag), attributes: Object.create(null) as Record<string, string>, children: NO_CHILDREN, text: '' };
      for (;;) {
        // Most attributes are read whole by one pattern; what it does not match is looked at piece by piece.
        ATTRIBUTE.lastIndex = at;
        const attribute = ATTRIBUTE.exec(xml);
        if (attribute) {
          at = ATTRIBUTE.lastIndex;
          setAttribute(element, attribute[1]!, attribute[2] ?? attribute[3]!, open);
          continue;
        }
        skipSpace();
        const c = xml.charCodeAt(at);
        if (c === 0x3e /* > */) {
          at++;
          addElement(element, open);
          stack.push(element);
          tags.push(tag);
          break;
        }
        if (c === 0x2f /* / */ && xml.charCodeAt(at + 1) === 0x3e) {
          at += 2;
          addElement(element, open);
          closed(element);
          break;
        }
        const name = readName();
        if (!name) fail(at >= length ? `the tag <${element.name}> is not closed` : `the tag <${element.name}> holds something that is not an attribute`, open);
        skipSpace();
        if (xml.charCodeAt(at) !== 0x3d /* = */) fail(`the attribute ${name} of <${element.name}> has no value`, open);
        at++;
        skipSpace();
        const quote = xml[at];
        if (quote !== '"' && quote !== "'") fail(`the value of ${name} in <${element.name}> is not in quotes`, open);
        const end = xml.indexOf(quote!, at + 1);
        if (end < 0) fail(`the value of ${name} in <${element.name}> is not closed`, open);
        setAttribute(element, name, xml.slice(at + 1, end), open);
        at = end + 1;
      }
    }
  }
  if (stack.length > 1) fail(`the element <${stack[stack.length - 1]!.name}> is not closed`, length);
  return top.children;
}
