/**
 * The QDA-XML reader's tree: what other programs write (either quote, entities, CDATA, comments,
 * a DOCTYPE, namespace prefixes, CRLF) reads as the XML means it, and a file that is not
 * well-formed is refused with where and why.
 */
import { describe, expect, it } from 'vitest';
import { readXmlTree, XmlSyntaxError, type XmlElement } from '../../shared/exchange/refi-qda/xml-tree';

const root = (xml: string): XmlElement => readXmlTree(xml)[0]!;

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
    const refusal = (xml: string) => {
      try {
        readXmlTree(xml);
      } catch (error) {
        expect(error).toBeInstanceOf(XmlSyntaxError);
        return (error as Error).message;
      }
      throw new Error('it was read');
    };
    expect(refusal('<Project name="x"><Users>')).toBe('the element <Users> is not closed (line 1)');
    expect(refusal('<a>\n<b></c></a>')).toBe('</c> closes <b> (line 2)');
    expect(refusal('<a b=c/>')).toBe('the value of b in <a> is not in quotes (line 1)');
    expect(refusal('<a b="c/>')).toBe('the value of b in <a> is not closed (line 1)');
    expect(refusal('<a/>text')).toBe('text outside the root element (line 1)');
    expect(refusal('<a/><b/>')).toBe('a second root element (line 1)');
  });
});
