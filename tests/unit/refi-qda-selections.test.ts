/**
 * The reader's short way through the selections of a `project.qde` (read straight from the text,
 * without their element trees) reads each selection exactly as the tree reader reads it, and a
 * selection in any other shape, or one that is not well-formed, is left to the tree reader and
 * refused with the same message. The same file with every element under a namespace prefix
 * (which the short way never takes) is the tree reader's reading to compare with.
 */
import { describe, expect, it } from 'vitest';
import { readProjectQde } from '../../shared/exchange/refi-qda/qde-reader';

const G = (n: number) => `0000000${n % 10}-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`;

/** A project whose TextSource holds `selections` (written with the `p` prefix for each element name, e.g. 'q:'). */
function project(selections: string, p = ''): string {
  const tag = (xml: string) => xml.replace(/<(\/?)([A-Z][A-Za-z]*)/g, `<$1${p}$2`);
  return tag(`<?xml version="1.0" encoding="utf-8"?>
<Project xmlns${p ? `:${p.slice(0, -1)}` : ''}="urn:QDA-XML:project:1.0" name="p">
  <Users><User guid="${G(1)}" name="ana"/></Users>
  <CodeBook><Codes><Code guid="${G(2)}" name="c" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(3)}" name="doc" plainTextPath="internal://${G(3)}.txt">
${selections}
    </TextSource>
  </Sources>
  <Notes><Note guid="${G(4)}" name="n"><PlainTextContent>memo</PlainTextContent></Note></Notes>
</Project>`);
}

const both = (selections: string) => ({ short: readProjectQde(project(selections)), tree: readProjectQde(project(selections, 'q:')) });

const refusal = (xml: string): string => {
  try {
    readProjectQde(xml);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('it was read');
};

describe('reading the selections of a project.qde', () => {
  it('reads each selection as the tree reader does: attributes in any order, references, line ends, note references, GUIDs in braces', () => {
    const selections = [
      // As we write them.
      `<PlainTextSelection guid="${G(10)}" name="first words…" startPosition="0" endPosition="20" creatingUser="${G(1)}" creationDateTime="2025-01-01T00:00:00.000Z">
        <Coding guid="${G(11)}" creatingUser="${G(1)}" creationDateTime="2025-01-01T00:00:00.000Z">
          <CodeRef targetGUID="${G(2)}"/>
        </Coding>
        <NoteRef targetGUID="${G(4)}"/>
      </PlainTextSelection>`,
      // Attributes in another order, references, a CRLF inside a value and between attributes, upper-case GUIDs in braces.
      `<PlainTextSelection endPosition=" 30 " name="a &amp; b&#10;c &lt;d&gt; &quot;e&quot; &#x1F600; one\r\ntwo"\r\n startPosition="21" guid="{${G(12).toUpperCase()}}" modifiedDateTime="2025-02-01T00:00:00Z" modifyingUser="${G(1)}"><Coding creationDateTime="x" guid="${G(13)}"><CodeRef targetGUID="{${G(2).toUpperCase()}}"/></Coding><Coding guid="${G(14)}" creatingUser=""><CodeRef targetGUID="${G(2)}" /></Coding></PlainTextSelection>`,
      // Empty, and with no codings.
      `<PlainTextSelection guid="${G(15)}" startPosition="1" endPosition="2"/>`,
      `<PlainTextSelection guid="${G(16)}" startPosition="1" endPosition="2" name=""></PlainTextSelection>`,
      // Shapes left to the tree reader: a Description, a note inside a coding, a coding without a code, single quotes, a comment, a note before a coding, text.
      `<PlainTextSelection guid="${G(17)}" startPosition="3" endPosition="4"><Description>d</Description><Coding guid="${G(18)}"><CodeRef targetGUID="${G(2)}"/></Coding></PlainTextSelection>`,
      `<PlainTextSelection guid="${G(19)}" startPosition="3" endPosition="4"><Coding guid="${G(20)}"><CodeRef targetGUID="${G(2)}"/><NoteRef targetGUID="${G(4)}"/></Coding></PlainTextSelection>`,
      `<PlainTextSelection guid="${G(21)}" startPosition="3" endPosition="4"><Coding guid="${G(22)}"/><Coding guid="${G(23)}"><CodeRef targetGUID=""/></Coding></PlainTextSelection>`,
      `<PlainTextSelection guid='${G(24)}' startPosition="3" endPosition="4" name='it&apos;s'/>`,
      `<PlainTextSelection guid="${G(25)}" startPosition="3" endPosition="4"><!-- c --><NoteRef targetGUID="${G(4)}"/><Coding guid="${G(26)}"><CodeRef targetGUID="${G(2)}"/></Coding>text</PlainTextSelection>`,
      `<PlainTextSelection guid="${G(27)}" startPosition="3" endPosition="4" name="a < b"/>`,
      `<PlainTextSelection guid="${G(28)}" other="x" startPosition="3" endPosition="4"/>`,
    ].join('\n');
    const { short, tree } = both(selections);
    expect(short.sources[0]!.selections).toHaveLength(11);
    expect(short).toEqual(tree);
    const second = short.sources[0]!.selections[1]!;
    expect(second.name).toBe('a & b\nc <d> "e" 😀 one\ntwo');
    expect(second.guid).toBe(G(12));
    expect(second.codings.map((c) => [c.codeGuid, c.creatingUser, c.created])).toEqual([[G(2), null, 'x'], [G(2), '', null]]);
    expect(short.sources[0]!.selections[0]!.noteGuids).toEqual([G(4)]);
  });

  it('refuses what the tree reader refuses, with the same message', () => {
    const cases = [
      `<PlainTextSelection guid="${G(10)}" guid="${G(11)}" startPosition="0" endPosition="1"/>`,
      `<PlainTextSelection guid="${G(10)}" name="&#1;" startPosition="0" endPosition="1"/>`,
      `<PlainTextSelection guid="${G(10)}" startPosition="0" endPosition="1"><Coding guid="${G(11)}"><CodeRef targetGUID="${G(2)}"/></Code></PlainTextSelection>`,
      `<PlainTextSelection guid="${G(10)}" startPosition="0" endPosition="1"><Coding guid="${G(11)}"><CodeRef targetGUID="${G(2)}"/></Coding>`,
      `<PlainTextSelection guid="${G(10)}" startPosition="zero" endPosition="1"/>`,
      `<PlainTextSelection name="no guid" startPosition="0" endPosition="1"/>`,
      `<PlainTextSelection guid="${G(10)}" startPosition="0" endPosition="1"><Coding><CodeRef targetGUID="${G(2)}"/></Coding></PlainTextSelection>`,
      `<PlainTextSelection guid="${G(10)}" startPosition="0" endPosition="1" name="x"`,
    ];
    for (const selection of cases) {
      const message = refusal(project(selection));
      expect(message).toBe(refusal(project(selection, 'q:')).replace(/q:/g, ''));
    }
    expect(refusal(project(cases[0]!))).toMatch(/the attribute guid is given twice in <PlainTextSelection> \(line 7\)/);
    expect(refusal(project(cases[4]!))).toMatch(/no whole-number startPosition/);
    expect(refusal(project(cases[5]!))).toBe('A selection in the file has no guid.');
  });
});
