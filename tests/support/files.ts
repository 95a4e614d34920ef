/** Real files of the formats the app imports, made by the tests with the formats' own libraries. */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A real .docx made with the docx library, one paragraph per string. */
export async function docxFile(paragraphs: string[]): Promise<Uint8Array> {
  const document = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A real .pdf made with pdf-lib: one line of text per page. */
export async function pdfFile(pages: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of pages) pdf.addPage([400, 300]).drawText(line, { x: 30, y: 250, size: 12, font });
  return pdf.save();
}
