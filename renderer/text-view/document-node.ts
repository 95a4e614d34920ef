/**
 * Builds the ProseMirror document of a text from its layout: `doc > section > line > text`, one
 * line block per line of the text, so that the view shows the text exactly as it is. Each line is
 * a paragraph with its own direction: `dir="auto"` (from its first strong character, so Arabic and
 * Hebrew lines read right to left beside English ones), or the document language's direction.
 */
import { Schema, type Node as ProseMirrorNode } from 'prosemirror-model';
import type { LineDirection } from '../../shared/text/text-direction';
import type { TextLayout } from '../../shared/text/text-layout';

export const textSchema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    // Never selected as a whole (a far section is drawn as one block: far-sections.ts).
    section: { content: 'line+', selectable: false, toDOM: () => ['div', { class: 'tv-section' }, 0] },
    line: {
      content: 'text*',
      marks: '',
      attrs: { dir: { default: 'auto' } },
      toDOM: (node) => ['p', { class: 'tv-line', dir: node.attrs.dir as string }, 0],
    },
    text: {},
  },
  marks: {},
});

/** The document of a text laid out as `layout`, its lines set in `direction` (each its own by default). */
export function documentNode(layout: TextLayout, direction: LineDirection['dir'] = 'auto'): ProseMirrorNode {
  const { text, lines } = layout;
  const attrs = direction === 'auto' ? null : { dir: direction };
  const sections = layout.sections.map((section) => {
    const lineNodes = [];
    for (let i = section.firstLine; i < section.firstLine + section.lineCount; i++) {
      const line = lines[i];
      const content = line.length ? [textSchema.text(text.slice(line.start, line.start + line.length))] : [];
      lineNodes.push(textSchema.nodes.line.create(attrs, content));
    }
    return textSchema.nodes.section.create(null, lineNodes);
  });
  return textSchema.nodes.doc.create(null, sections);
}
