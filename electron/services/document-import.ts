/**
 * Turning a researcher's file into the text of a document: plain text in UTF-8, UTF-16 (with a
 * BOM) or a legacy encoding (detected, and said), Markdown and HTML (their visible text), Word
 * (.docx, through mammoth) and PDF (its text layer, through pdf.js). Whatever cannot be read is
 * refused with a message that names the file and the reason.
 */
import chardet from 'chardet';
import { convert as htmlToText } from 'html-to-text';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { marked } from 'marked';
import { extname } from 'node:path';
import { WorkbenchFailure } from '../../shared/model/failure';
import { tooLargeToImport } from '../../shared/exchange/file-kinds';
import { decodeUtf8Exact } from '../project/text-decoding';
import { checkedZip } from './zip-archive';


export type ImportFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export interface ExtractedText {
  text: string;
  format: ImportFormat;
  /** The character encoding the bytes were read in (for text formats). */
  encoding: string | null;
  /** What was assumed or left out, in words. */
  notes: string[];
}

const FORMATS: Record<string, ImportFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

function refuse(name: string, reason: string): never {
  throw new WorkbenchFailure('invalid-input', `${name} ${reason}`);
}

/** Decodes text bytes: a BOM decides; else UTF-8 if valid; else the detected encoding. */
export function decodeText(name: string, bytes: Uint8Array): { text: string; encoding: string; notes: string[] } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: decodeUtf8Exact(buffer.subarray(3)), encoding: 'UTF-8 (with BOM)', notes: [] };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'UTF-16LE', notes: [] };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'UTF-16BE', notes: [] };
  if (buffer.includes(0)) refuse(name, 'looks like a binary file, not text (it holds NUL bytes).');
  try {
    return { text: decodeUtf8Exact(buffer), encoding: 'UTF-8', notes: [] };
  } catch {
    // Not UTF-8: work out the encoding from the bytes.
  }
  // As browsers do (WHATWG Encoding), Latin-1 is read as its superset windows-1252, whose
  // 0x80–0x9F are the curly quotes and dashes that such files actually hold.
  const guess = chardet.detect(buffer);
  const detected = guess === 'ISO-8859-1' ? 'windows-1252' : guess;
  if (!detected || detected.startsWith('UTF') || !iconv.encodingExists(detected)) {
    refuse(name, 'is not UTF-8 and its encoding could not be worked out. Save it as UTF-8 and import it again.');
  }
  return {
    text: iconv.decode(buffer, detected),
    encoding: detected,
    notes: [`${name} is not UTF-8; it was read as ${detected}. Check its accented letters and quotation marks.`],
  };
}

/** The visible text of an HTML page: no scripts, styles or markup; blocks on lines of their own. */
function visibleText(html: string): string {
  return htmlToText(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'h5', options: { uppercase: false } },
      { selector: 'h6', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
}

async function pdfText(name: string, bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    const reason = (error as Error).name === 'PasswordException' ? 'is protected by a password' : 'is not a PDF that can be read';
    refuse(name, `${reason}.`);
  }
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(text.trimEnd());
  }
  await pdf.destroy();
  return pages.join('\n\n');
}

/** Extracts the text of a file for import; throws a WorkbenchFailure naming the file and the reason. */
export async function extractText(name: string, bytes: Uint8Array): Promise<ExtractedText> {
  const format = FORMATS[extname(name).toLowerCase()];
  if (!format) refuse(name, 'is not a kind of file that can be imported (.txt, .md, .html, .docx, .pdf).');
  if (bytes.byteLength === 0) refuse(name, 'is empty.');
  const tooLarge = tooLargeToImport(name, bytes.byteLength, 'document');
  if (tooLarge) throw new WorkbenchFailure('invalid-input', tooLarge);
  let extracted: ExtractedText;
  if (format === 'docx') {
    // mammoth unzips without limits: it gets the parts once they have been unpacked within ours.
    const checked = checkedZip(name, bytes);
    if (!checked) refuse(name, 'is not a Word document that can be read (.docx).');
    let result;
    try {
      result = await mammoth.extractRawText({ buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) });
    } catch {
      refuse(name, 'is not a Word document that can be read (.docx).');
    }
    const notes = result.messages.length ? [`${name}: ${result.messages.length} part(s) could not be read and were left out.`] : [];
    extracted = { text: result.value, format, encoding: null, notes };
  } else if (format === 'pdf') {
    extracted = { text: await pdfText(name, bytes), format, encoding: null, notes: [] };
  } else {
    const { text, encoding, notes } = decodeText(name, bytes);
    const shown = format === 'html' ? visibleText(text) : format === 'md' ? visibleText(await marked.parse(text)) : text;
    extracted = { text: shown, format, encoding, notes };
  }
  if (!/\S/.test(extracted.text)) {
    refuse(name, format === 'pdf' ? 'has no text layer (is it a scanned image?).' : 'holds no text.');
  }
  return extracted;
}
