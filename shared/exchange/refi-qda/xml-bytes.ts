/**
 * Text gathered as UTF-8 bytes in one growing buffer, for the part of a `project.qde` that is
 * repeated a hundred thousand times (the selections): each selection's string is encoded as soon
 * as it is made, so that the part leaves as one block of bytes instead of hundreds of strings to
 * be encoded one by one later. Plain code (no Buffer), so that it stays usable outside Node.
 */

const UTF8 = new TextEncoder();

/** Bytes written one after another into a buffer that grows as needed. */
export class XmlBytes {
  private bytes: Uint8Array;
  private at = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(capacity, 64));
  }

  /** What is written so far (a view, not a copy). */
  written(): Uint8Array {
    return this.bytes.subarray(0, this.at);
  }

  /** Text as UTF-8, as it is (escaping is the caller's). */
  text(text: string): void {
    // A UTF-16 unit takes at most three bytes (a pair of them, four).
    const most = text.length * 3;
    if (this.at + most > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + most));
      grown.set(this.bytes.subarray(0, this.at));
      this.bytes = grown;
    }
    this.at += UTF8.encodeInto(text, this.at ? this.bytes.subarray(this.at) : this.bytes).written;
  }
}
