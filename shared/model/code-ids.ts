/**
 * Ids of new codes, made one way wherever a code is added: by the researcher (from random hex),
 * or brought in from another program or another coder's file (from a digest of its ref there, so
 * that importing the same file again finds the same id). Pure: the caller passes in the hex.
 */

/** How many hex digits of the digest or the random bytes an id keeps. */
const HEX_DIGITS = 10;

/**
 * A code id from hex: `c-` and its first ten digits, with `-2`, `-3`, ... added until no code in
 * `taken` has it.
 */
export function codeIdFromHex(hex: string, taken: ReadonlySet<string>): string {
  const base = `c-${hex.slice(0, HEX_DIGITS)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The id of a code brought in from elsewhere, from the hex digest of its ref there. With `keepRef`
 * (a coder file, whose ids are already ours) the ref itself, while no code here has it.
 */
export function importedCodeId(ref: string, refDigest: string, taken: ReadonlySet<string>, keepRef = false): string {
  if (keepRef && !taken.has(ref)) return ref;
  return codeIdFromHex(refDigest, taken);
}
