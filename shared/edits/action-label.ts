/**
 * Action labels: the words the Undo button and the history show ("Code “a passage” as opinion").
 * Labels quote the researcher's own text (a value, a title, a file name), which may be as long as
 * its field allows; a label is saved with its action, so every label is made here, with each
 * quoted piece shortened and the whole kept within the project schema's cap.
 */
import { fitActionLabel } from '../model/changes';
import { oneLine, shortText } from '../text/short-text';

/** How many characters of a quoted piece of user text a label shows. */
export const LABEL_PIECE_MAX_CHARS = 80;

/** `text` on one line, cut at a word to at most `max` code points (`shortText`). */
export function shortenForLabel(text: string, max = LABEL_PIECE_MAX_CHARS): string {
  return shortText(oneLine(text), max);
}

/**
 * Makes a label from a template: each interpolated value is user text (or a number) and is
 * shortened; the words of the template stay whole. Use as a tag:
 * actionLabel`Rename “${before}” to “${after}”`.
 */
export function actionLabel(words: TemplateStringsArray, ...pieces: ReadonlyArray<string | number>): string {
  let label = words[0]!;
  pieces.forEach((piece, i) => {
    label += (typeof piece === 'number' ? String(piece) : shortenForLabel(piece)) + words[i + 1]!;
  });
  return fitActionLabel(label);
}
