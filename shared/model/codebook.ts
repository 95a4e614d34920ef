/**
 * Codebook: the codes a researcher applies to passages. Each code has a colour chosen to stay
 * distinguishable for colour-blind readers and legible on light and dark backgrounds, a one-line
 * description, and an optional key for coding without the mouse.
 */
import { CODE_DESCRIPTION_MAX_CHARS, CODE_NAME_MAX_CHARS, CODEBOOK_ENTRY_MAX_CHARS } from './limits';
import { z } from './zod';

/** A code's colour, `#rrggbb`: the one rule every check of a colour uses (contract, project file, coder file, codebook edits). */
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** A code's id: lowercase letters, digits and hyphens, so that it can also name the code's CSS class. */
export const CODE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A code's id, as the project file and the API contract check it. */
export const codeIdSchema = z.string().regex(CODE_ID_PATTERN);

/** A code as the project file holds it (the codebook entry's parts may be missing in older files). */
export const codeSchema = z.object({
  /** Stable id: lowercase letters, digits and hyphens (it also names the code's CSS class). */
  id: codeIdSchema,
  name: z.string().min(1).max(CODE_NAME_MAX_CHARS),
  /** `#rrggbb`. */
  colour: z.string().regex(COLOUR_PATTERN),
  /** One line: what the code is for. */
  description: z.string().max(CODE_DESCRIPTION_MAX_CHARS),
  /** The codebook entry: definition, when to use it, when not to, and an example. */
  definition: z.string().max(CODEBOOK_ENTRY_MAX_CHARS).default(''),
  whenToUse: z.string().max(CODEBOOK_ENTRY_MAX_CHARS).default(''),
  whenNotToUse: z.string().max(CODEBOOK_ENTRY_MAX_CHARS).default(''),
  example: z.string().max(CODEBOOK_ENTRY_MAX_CHARS).default(''),
  /** A single key that applies the code, or null. */
  key: z.string().length(1).nullable(),
  /** The code this one sits under, or null at the top level. */
  parentId: codeIdSchema.nullable().default(null),
});

export type Code = z.infer<typeof codeSchema>;

/**
 * The default codebook. The colours (blue from Okabe–Ito, magenta and olive from Paul Tol's
 * palettes) stay apart under simulated protanopia, deuteranopia and tritanopia, and each keeps a
 * contrast of at least 3:1 against both the light and the dark background
 * (tests/unit/codebook.test.ts checks both).
 */
export const DEFAULT_CODES: readonly Code[] = [
  {
    id: 'factual-claim',
    name: 'factual claim',
    colour: '#0072B2',
    description: 'A statement presented as verifiable fact: an event, a number, a quotation, a date.',
    key: '1',
    parentId: null,
    definition: '',
    whenToUse: '',
    whenNotToUse: '',
    example: '',
  },
  {
    id: 'opinion',
    name: 'opinion',
    colour: '#EE3377',
    description: 'A judgement, evaluation or interpretation that the author presents as their view.',
    key: '2',
    parentId: null,
    definition: '',
    whenToUse: '',
    whenNotToUse: '',
    example: '',
  },
  {
    id: 'call-to-action',
    name: 'call to action',
    colour: '#999933',
    description: 'A passage that urges the reader or a named actor to do, support or oppose something.',
    key: '3',
    parentId: null,
    definition: '',
    whenToUse: '',
    whenNotToUse: '',
    example: '',
  },
];

/**
 * Colours offered to new codes: the defaults' first, then five more chosen to stay apart from them
 * and from each other under simulated protanopia, deuteranopia and tritanopia as well as normal
 * vision (CIELAB ΔE of 15 or more between any two of the eight, 20 or more between the first six),
 * each with a contrast of 3:1 or more as an underline on the light and the dark background
 * (tests/unit/codebook.test.ts checks all of it). Past eight, colours repeat; the text view then
 * draws the repeated colour dashed or dotted, so that two codes never look alike.
 */
export const CODE_PALETTE = ['#0072B2', '#EE3377', '#999933', '#9911FF', '#9977FF', '#886633', '#779999', '#DD00BB'];

/** The first palette colour no code uses yet (or the palette in turn, once all are used). */
export function nextCodeColour(codes: readonly { colour: string }[]): string {
  const used = new Set(codes.map((c) => c.colour.toUpperCase()));
  return CODE_PALETTE.find((colour) => !used.has(colour)) ?? CODE_PALETTE[codes.length % CODE_PALETTE.length];
}

/** The names from the top of the codebook down to the code, joined by " / ". */
export function codePath(codes: readonly Code[], codeId: string): string {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const names: string[] = [];
  for (let code = byId.get(codeId); code && names.length <= codes.length; code = code.parentId ? byId.get(code.parentId) : undefined) {
    names.unshift(code.name);
  }
  return names.join(' / ');
}

/** The code and every code below it, at any depth. */
export function codeAndDescendants(codes: readonly Code[], codeId: string): Set<string> {
  const found = new Set([codeId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const code of codes) {
      if (code.parentId && found.has(code.parentId) && !found.has(code.id)) {
        found.add(code.id);
        grew = true;
      }
    }
  }
  return found;
}

/** The key that applies the last code used again; no code may take it. */
export const REPEAT_KEY = '.';

/** The codes in tree order (each code followed by its sub-codes), with their depth. */
export function codeTree(codes: readonly Code[]): Array<{ code: Code; depth: number }> {
  const known = new Set(codes.map((code) => code.id));
  const rows: Array<{ code: Code; depth: number }> = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const code of codes) {
      const parent = code.parentId !== null && known.has(code.parentId) ? code.parentId : null;
      if (parent === parentId && !rows.some((row) => row.code.id === code.id)) {
        rows.push({ code, depth });
        visit(code.id, depth + 1);
      }
    }
  };
  visit(null, 0);
  return rows;
}

/** The code bound to a key, if any. */
export function codeForKey(codes: readonly Code[], key: string): Code | undefined {
  return codes.find((code) => code.key === key);
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio between two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
