/**
 * The QDA-XML reader's tree: what other programs write (either quote, entities, CDATA, comments,
 * a DOCTYPE, namespace prefixes, CRLF) reads as the XML means it, and a file that is not
 * well-formed is refused with where and why.
 */
import { describe, expect, it } from 'vitest';
import { readXmlTree, XmlSyntaxError, type XmlElement } from '../../shared/exchange/refi-qda/xml-tree';

const root = (xml: string): XmlElement => readXmlTree(xml)[0]!;

/** The message a refused piece of XML gets (fails if it is read). */
function refusal(xml: string): string {
  try {
    readXmlTree(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(XmlSyntaxError);
    return (error as Error).message;
  }
  throw new Error('it was read');
}

describe('the QDA-XML tree', () => {
  it('reads attributes in either quote, with the XML entities, character references and common HTML entities', () => {
    const element = root(`<a one="1 &amp; 2 &lt;3&gt; &quot;x&quot;" two='it&apos;s &#233;&#x1F600;' three="&nbsp;&mdash;&unknown;"/>`);
    expect(element.attributes).toEqual({ one: '1 & 2 <3> "x"', two: 'it\'s é😀', three: '\u00a0\u2014&unknown;' });
  });

  it('normalises line ends in text and attributes as XML does, but keeps a CR written as a reference', () => {
    const element = root('<a name="one\r\ntwo&#13;&#10;three"><b>x\r\ny\rz&#13;</b></a>');
    expect(element.attributes.name).toBe('one\ntwo\r\nthree');
    expect(element.children[0]!.text).toBe('x\ny\nz\r');
  });

  it('keeps the text of a leaf exactly, CDATA included, and drops the white space that indents children', () => {
    const element = root('<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY e "x">]>\n<!-- c -->\n<p:Project xmlns:p="urn:x" p:name="n">\n  <Note>  two  spaces <![CDATA[<kept> & raw]]></Note>\n  <Empty/>\n</p:Project>\n');
    expect(element.name).toBe('Project');
    expect(element.attributes).toEqual({ name: 'n' });
    expect(element.text).toBe('');
    expect(element.children.map((child) => [child.name, child.text])).toEqual([['Note', '  two  spaces <kept> & raw'], ['Empty', '']]);
  });

  it('refuses XML that is not well-formed, saying where and why', () => {
    expect(refusal('<Project name="x"><Users>')).toBe('the element <Users> is not closed (line 1)');
    expect(refusal('<a>\n<b></c></a>')).toBe('</c> closes <b> (line 2)');
    expect(refusal('<a b=c/>')).toBe('the value of b in <a> is not in quotes (line 1)');
    expect(refusal('<a b="c/>')).toBe('the value of b in <a> is not closed (line 1)');
    expect(refusal('<a/>text')).toBe('text outside the root element (line 1)');
    expect(refusal('<a/><b/>')).toBe('a second root element (line 1)');
  });

  it('skips a DOCTYPE whose quoted literals hold ] and >', () => {
    const element = root(`<!DOCTYPE Project [ <!ENTITY e "]>"> <!ENTITY f 'a>b[c'> ]>\n<Project name="p"><Users/></Project>`);
    expect([element.name, element.attributes.name, element.children.map((child) => child.name)]).toEqual(['Project', 'p', ['Users']]);
  });

  it('keeps an attribute named __proto__ like any other', () => {
    const element = root(`<a __proto__="x" constructor='y'/>`);
    expect(Object.entries(element.attributes)).toEqual([['__proto__', 'x'], ['constructor', 'y']]);
    expect(element.attributes['__proto__']).toBe('x');
  });

  it('shares no children array that a reader could add to', () => {
    const [one, two] = root('<a><b/><c/></a>').children;
    expect(one!.children).toBe(two!.children);
    expect(() => one!.children.push(two!)).toThrow(TypeError);
    expect(two!.children).toEqual([]);
  });

  it('refuses characters XML does not allow, duplicate attributes and end tags with another prefix', () => {
    expect(refusal('<a>\n<b>&#0;</b></a>')).toBe('the reference &#0; stands for a character XML does not allow (line 2)');
    expect(refusal('<a b="&#x1B;"/>')).toBe('the reference &#x1B; stands for a character XML does not allow (line 1)');
    expect(refusal('<a>&#xD800;</a>')).toBe('the reference &#xD800; stands for a character XML does not allow (line 1)');
    expect(refusal('<a>\n\n<b>x\u0001y</b></a>')).toBe('the file holds the character U+0001, which XML does not allow (line 3)');
    expect(refusal('<a b="1" b=\'2\'/>')).toBe('the attribute b is given twice in <a> (line 1)');
    expect(refusal('<a q:b="1" b="2"/>')).toBe('the attribute b is given twice in <a> (line 1)');
    expect(refusal('<x:a></y:a>')).toBe('</y:a> closes <x:a> (line 1)');
    expect(refusal('<x:a></a>')).toBe('</a> closes <x:a> (line 1)');
    // Tabs, line ends and references to them stay allowed.
    expect(root('<x:a t="&#9;&#10;&#13;">\t</x:a>').attributes).toEqual({ t: '\t\n\r' });
  });
});
