/**
 * Charts the page hands over to be saved (SVG text, or PNG bytes in base64), checked hard before
 * they reach the disk: the page draws them, but a file saved from the program must not carry
 * anything that runs or fetches when it is opened elsewhere (a browser opens an SVG as a page).
 *
 * An SVG must be well-formed XML with one `<svg>` root in the SVG namespace, and hold no script,
 * event attribute (`on…=`), `<foreignObject>` (or other embedded document), DOCTYPE or entity
 * declaration, processing instruction other than the XML declaration, nor any external
 * reference: an `href`/`src` must point inside the file (`#…`), a `url(…)` too, and `@import` is
 * refused. A PNG must decode from strict base64 and be a whole PNG: the signature, an IHDR chunk
 * first and an IEND chunk last. Both are capped in size.
 */
import { CHART_MAX_PNG_BYTES, CHART_MAX_SVG_CHARS } from '../../shared/ipc/analysis';
import { readXmlTree, XmlSyntaxError, type XmlElement } from '../../shared/exchange/refi-qda/xml-tree';
import { WorkbenchFailure } from '../../shared/model/failure';

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

const refuse = (why: string): never => {
  throw new WorkbenchFailure('invalid-input', why);
};

/** Elements that run code or embed another document. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);
/** Animations that could set a reference or an event attribute. */
const ANIMATIONS = new Set(['set', 'animate', 'animatetransform', 'animatemotion']);
/** A `url(…)` whose target is not a fragment of the file itself. */
const EXTERNAL_URL = /url\(\s*(?!['"]?\s*#)/i;
/** The entities XML itself defines (others need a DTD, which is refused). */
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)([^;\s<&]{0,40};?)/;

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

/** Refuses an external reference, a script URL or an `@import` in an attribute's value or a style sheet. */
function checkValue(where: string, value: string): void {
  if (/javascript:/i.test(value)) refuse(`The SVG is refused: ${where} holds a javascript: address.`);
  if (EXTERNAL_URL.test(value)) refuse(`The SVG is refused: ${where} refers to something outside the file (url(…) other than #…).`);
  if (/@import/i.test(value)) refuse(`The SVG is refused: ${where} imports a style sheet (@import).`);
}

function checkElement(element: XmlElement): void {
  const name = element.name.toLowerCase();
  if (FORBIDDEN_ELEMENTS.has(name)) refuse(`The SVG is refused: it holds a <${element.name}> element${name === 'script' ? ' (a script)' : ''}, which a saved chart may not.`);
  for (const [attribute, value] of Object.entries(element.attributes)) {
    const local = localName(attribute);
    if (local.startsWith('on')) refuse(`The SVG is refused: the attribute ${attribute} on <${element.name}> is an event handler (on…=), which a saved chart may not have.`);
    if ((local === 'href' || local === 'src') && !value.trim().startsWith('#')) {
      refuse(`The SVG is refused: the ${attribute} of <${element.name}> refers to “${value.slice(0, 80)}” outside the file (only #… is allowed).`);
    }
    if (ANIMATIONS.has(name) && local === 'attributename' && (/^on/i.test(value) || /href$/i.test(value))) {
      refuse(`The SVG is refused: <${element.name}> would change the attribute ${value}.`);
    }
    checkValue(`the attribute ${attribute} of <${element.name}>`, value);
  }
  if (name === 'style') checkValue('a <style> element', element.text);
  for (const child of element.children) checkElement(child);
}

/** The root element's start tag as written (after the XML declaration and comments). */
const ROOT_TAG = /^\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The namespace the root element is in, as its start tag declares it (the tree reader drops
 * namespace declarations): its default namespace, or the one bound to its prefix. An empty list
 * when it declares none.
 */
function rootNamespaces(content: string): string[] {
  const tag = ROOT_TAG.exec(content);
  if (!tag) return [];
  const colon = tag[1].indexOf(':');
  const declaration = colon < 0 ? 'xmlns' : `xmlns:${tag[1].slice(0, colon)}`;
  return [...tag[2].matchAll(ATTRIBUTE)].filter((a) => a[1] === declaration).map((a) => a[2] ?? a[3]);
}

/** The SVG's text, checked (see the module's comment); throws an `invalid-input` failure that says why not. */
export function checkedSvg(content: string): string {
  if (content.length > CHART_MAX_SVG_CHARS) refuse(`The SVG is refused: it has ${content.length} characters, more than the ${CHART_MAX_SVG_CHARS} a chart may have.`);
  if (/<!DOCTYPE|<!ENTITY/i.test(content)) refuse('The SVG is refused: it has a DOCTYPE or an entity declaration, which a saved chart may not have.');
  const instruction = /<\?(?!xml[\s?])/.exec(content);
  if (instruction) refuse('The SVG is refused: it holds a processing instruction (<?…?>), which a saved chart may not have.');
  const entity = ENTITY.exec(content);
  if (entity) refuse(`The SVG is refused: it uses “&${entity[1]}”, which is not an XML entity (write the character, or &#…;).`);
  let roots: XmlElement[];
  try {
    roots = readXmlTree(content);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return refuse(`The SVG is refused: it is not well-formed XML: ${error.message}.`);
    throw error;
  }
  if (roots.length !== 1 || roots[0].name !== 'svg') {
    refuse(`The SVG is refused: it must have one <svg> root element (it has ${roots.length === 1 ? `<${roots[0].name}>` : `${roots.length} root elements`}).`);
  }
  const root = roots[0];
  if (!rootNamespaces(content).includes(SVG_NAMESPACE)) {
    refuse(`The SVG is refused: its <svg> root is not in the SVG namespace (xmlns="${SVG_NAMESPACE}").`);
  }
  checkElement(root);
  return content;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const chunkType = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/** The PNG's bytes from base64, checked (see the module's comment); throws an `invalid-input` failure that says why not. */
export function checkedPng(base64: string): Uint8Array {
  if (/^data:/i.test(base64)) refuse('The PNG is refused: give its bytes in base64 without the “data:” prefix.');
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) refuse("The PNG is refused: its bytes are not valid base64 (only A–Z, a–z, 0–9, + and /, padded with = to a multiple of 4).");
  const size = (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
  if (size > CHART_MAX_PNG_BYTES) refuse(`The PNG is refused: it has ${size} bytes, more than the ${CHART_MAX_PNG_BYTES} a chart may have.`);
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length < 8 + 25 + 12 || PNG_SIGNATURE.some((byte, i) => bytes[i] !== byte)) refuse('The PNG is refused: its bytes do not begin with the PNG signature.');
  if (chunkType(bytes, 12) !== 'IHDR') refuse('The PNG is refused: its first chunk is not IHDR.');
  if (chunkType(bytes, bytes.length - 8) !== 'IEND') refuse('The PNG is refused: it does not end with an IEND chunk (is it cut short?).');
  return bytes;
}
