/**
 * Builds the ProseMirror document of a text from its layout: `doc > section > line > text`, one
 * line block per line of the text, so that the view shows the text exactly as it is.
 */
import { Schema, type Node as ProseMirrorNode } from 'prosemirror-model';
import type { TextLayout } from '../../shared/text/text-layout';

export const textSchema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section: { content: 'line+', toDOM: () => ['div', { class: 'tv-section' }, 0] },
    line: { content: 'text*', marks: '', toDOM: () => ['p', { class: 'tv-line' }, 0] },
    text: {},
  },
  marks: {},
});

export function documentNode(layout: TextLayout): ProseMirrorNode {
  const { text, lines } = layout;
  const sections = layout.sections.map((section) => {
    const lineNodes = [];
    for (let i = section.firstLine; i < section.firstLine + section.lineCount; i++) {
      const line = lines[i];
      const content = line.length ? [textSchema.text(text.slice(line.start, line.start + line.length))] : [];
      lineNodes.push(textSchema.nodes.line.create(null, content));
    }
    return textSchema.nodes.section.create(null, lineNodes);
  });
  return textSchema.nodes.doc.create(null, sections);
}
