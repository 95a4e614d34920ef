/**
 * Finds the words of the interface that do not go through the message files: text between JSX
 * tags, read attributes (aria-label, title, placeholder…), text passed to the page's message
 * functions, and any other string that reads like a sentence for people. Also collects every
 * string literal, so that the message keys a file names can be checked against English.
 *
 * Sources are parsed with the TypeScript compiler's own parser (TypeScript 7's API, which runs the
 * native compiler and hands back its syntax tree); files are given by name and text, so the same
 * code reads the renderer and the small sources of the detector's self-test.
 */
import { API } from 'typescript/unstable/sync';
import { SyntaxKind, type Node, type SourceFile } from 'typescript/unstable/ast';
import { createVirtualFileSystem } from 'typescript/unstable/fs';

/** A piece of the interface's words found outside the message files. */
export interface UiString {
  file: string;
  line: number;
  kind: 'jsx-text' | 'attribute' | 'message' | 'sentence';
  text: string;
}

/** What the detector reads in one file: the strings it reports, and every string literal (for the keys). */
export interface FileStrings {
  found: UiString[];
  literals: string[];
  /**
   * Keys built in t() calls from a template, as patterns: `t(`commands.${command.label}`)` gives
   * /^commands\.(.+)$/. A key that matches one counts as used when what fills each gap is a
   * literal somewhere (the list the key is built from: 'labels.undo', a format id, a theme).
   */
  keyPatterns: RegExp[];
  /** Other templates, as patterns (a key's gap may be filled by one: `exportFormats.${format.id}`). */
  templates: RegExp[];
}

/** JSX attributes that people read or hear (an option's value is not among them). */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label', 'legend']);
/** A component's own prop that is read, by the naming habit of the page (filterLabel, emptyLabel…). */
const isReadAttribute = (name: string) => READ_ATTRIBUTES.has(name) || /Label$/.test(name);

/**
 * The page's message functions, with the index of the argument that is shown or said:
 * renderer/services/page.ts's showMessage(kind, text), the failures the API client makes up
 * (fail(code, message), shown in the header or the message bar), and the browser's dialogs.
 */
const MESSAGE_ARGUMENTS: Readonly<Record<string, number>> = { showMessage: 1, fail: 1, confirm: 0, alert: 0, prompt: 0 };

/** Calls whose first argument is a message key, not words. */
const TRANSLATE_CALLS = new Set(['t', 'translate']);
/** Calls whose string arguments are CSS selectors or element ids. */
const SELECTOR_CALLS = new Set(['querySelector', 'querySelectorAll', 'closest', 'matches', 'getElementById', 'waitForSelector']);
/**
 * Errors for developers: a renderer `new Error(...)` marks a programming mistake and is never shown
 * in the page (what the researcher is told goes through showMessage). An error shown to the
 * researcher is a WorkbenchFailure or a message, and is checked.
 */
const DEVELOPER_ERRORS = new Set(['Error', 'TypeError', 'RangeError']);

/**
 * Words that stay the same in every language, each with its reason. Keep it short: anything a
 * researcher reads in a sentence belongs in the message files.
 */
export const ALLOWED = new Set<string>([
  // The languages' names in the settings' list: each is written in its own language (LANGUAGE_NAMES).
  'English',
  'Deutsch',
]);

const LETTER = /\p{L}/u;
/** Two words of letters with a space, starting with a capital or ending with punctuation. */
export function readsLikeSentence(text: string): boolean {
  // A CSS font list ("Georgia, 'Noto Serif', serif") and an SVG path ("M6 3h8l4 4v14H6z") are not words.
  if (/,\s*(serif|sans-serif|monospace|system-ui)\s*$/.test(text) || !/\p{L}{3,}/u.test(text)) return false;
  return /\p{L}+ +\p{L}+/u.test(text) && (/^\s*\p{Lu}/u.test(text) || /[.!?…:]\s*$/u.test(text));
}

type AnyNode = Node & { [field: string]: any };

/** The name a call's callee goes by: `showMessage`, `window.confirm` → `confirm`, `i18n.t` → `t`. */
function calleeName(callee: AnyNode): string | null {
  if (callee.kind === SyntaxKind.Identifier) return callee.text;
  if (callee.kind === SyntaxKind.PropertyAccessExpression) return (callee.name as AnyNode).text;
  return null;
}

function isConsole(callee: AnyNode): boolean {
  return callee.kind === SyntaxKind.PropertyAccessExpression && (callee.expression as AnyNode).kind === SyntaxKind.Identifier && (callee.expression as AnyNode).text === 'console';
}

/** The text of a string literal or a template (its literal parts, with `{}` where values go). */
function literalText(node: AnyNode): string | null {
  if (node.kind === SyntaxKind.StringLiteral || node.kind === SyntaxKind.NoSubstitutionTemplateLiteral) return node.text;
  if (node.kind === SyntaxKind.TemplateExpression) {
    return [node.head.text, ...(node.templateSpans as AnyNode[]).map((span) => `{}${span.literal.text}`)].join('');
  }
  return null;
}

/**
 * Parents a string passes through without changing what it is: parentheses, `a ? 'x' : 'y'`,
 * `a || 'x'`, `'x' + y`, `${...}` inside a template, `{...}` in JSX, `as const`.
 */
function isTransparent(parent: AnyNode, child: AnyNode): boolean {
  switch (parent.kind) {
    case SyntaxKind.ParenthesizedExpression:
    case SyntaxKind.JsxExpression:
    case SyntaxKind.AsExpression:
    case SyntaxKind.SatisfiesExpression:
    case SyntaxKind.TemplateSpan:
    case SyntaxKind.TemplateExpression:
      return true;
    case SyntaxKind.ConditionalExpression:
      return child !== parent.condition;
    case SyntaxKind.BinaryExpression: {
      const operator = (parent.operatorToken as AnyNode).kind;
      return operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.PlusToken;
    }
    default:
      return false;
  }
}

/** What a literal is, by the first parent that is not transparent: skipped, or reported as `kind`. */
function roleOf(literal: AnyNode): UiString['kind'] | 'skip' | 'words' {
  let child = literal;
  let parent = literal.parent as AnyNode;
  while (parent && isTransparent(parent, child)) {
    child = parent;
    parent = parent.parent as AnyNode;
  }
  if (!parent) return 'words';
  switch (parent.kind) {
    case SyntaxKind.ImportDeclaration:
    case SyntaxKind.ExportDeclaration:
    case SyntaxKind.ExternalModuleReference:
    case SyntaxKind.LiteralType:
    case SyntaxKind.ImportType:
    case SyntaxKind.ComputedPropertyName:
    case SyntaxKind.ElementAccessExpression:
      return 'skip';
    case SyntaxKind.PropertyAssignment:
    case SyntaxKind.PropertySignature:
    case SyntaxKind.PropertyDeclaration:
    case SyntaxKind.MethodDeclaration:
    case SyntaxKind.EnumMember:
      // The key of an object (its value is looked at as words).
      return parent.name === child ? 'skip' : 'words';
    case SyntaxKind.JsxElement:
    case SyntaxKind.JsxFragment:
      // A string written as a child, `{'words'}` or `{n === 1 ? 'segment' : 'segments'}`, is shown as text.
      return 'jsx-text';
    case SyntaxKind.JsxAttribute: {
      const name = (parent.name as AnyNode).text as string;
      return isReadAttribute(name) ? 'attribute' : 'skip';
    }
    case SyntaxKind.NewExpression: {
      const name = calleeName(parent.expression);
      return name && DEVELOPER_ERRORS.has(name) ? 'skip' : 'words';
    }
    case SyntaxKind.CallExpression: {
      const callee = parent.expression as AnyNode;
      if (child === callee) return 'words';
      const index = (parent.arguments as AnyNode[]).indexOf(child);
      const name = calleeName(callee);
      if (isConsole(callee) || callee.kind === SyntaxKind.ImportKeyword || name === 'require') return 'skip';
      if (name && TRANSLATE_CALLS.has(name) && index === 0) return 'skip';
      if (name && SELECTOR_CALLS.has(name)) return 'skip';
      if (name && MESSAGE_ARGUMENTS[name] === index) return 'message';
      return 'words';
    }
    default:
      return 'words';
  }
}

/** The line (1-based) where `node` starts. */
function lineOf(source: SourceFile, node: AnyNode): number {
  const start = node.kind === SyntaxKind.JsxText ? node.pos + (node.text.length - node.text.trimStart().length) : node.getStart(source);
  let line = 1;
  for (let i = 0; i < start; i++) if (source.text.charCodeAt(i) === 10) line++;
  return line;
}

/** The interface's words and the string literals of one parsed file. */
function stringsOf(file: string, source: SourceFile): FileStrings {
  const found: UiString[] = [];
  const literals: string[] = [];
  const keyPatterns: RegExp[] = [];
  const templates: RegExp[] = [];
  const report = (node: AnyNode, kind: UiString['kind'], text: string) => {
    const shown = text.replace(/\s+/g, ' ').trim();
    if (!ALLOWED.has(shown)) found.push({ file, line: lineOf(source, node), kind, text: shown });
  };
  const visit = (node: AnyNode): void => {
    if (node.kind === SyntaxKind.JsxText) {
      if (LETTER.test(node.text)) report(node, 'jsx-text', node.text);
    } else if (node.kind === SyntaxKind.StringLiteral || node.kind === SyntaxKind.NoSubstitutionTemplateLiteral || node.kind === SyntaxKind.TemplateExpression) {
      const text = literalText(node)!;
      if (node.kind !== SyntaxKind.TemplateExpression) literals.push(text);
      else (isBuiltKey(node) ? keyPatterns : templates).push(keyPattern(node));
      const role = roleOf(node);
      if (role === 'attribute' || role === 'message' || role === 'jsx-text') {
        if (LETTER.test(text)) report(node, role, text);
      } else if (role === 'words' && readsLikeSentence(text)) report(node, 'sentence', text);
      // A template's own parts are part of its text; the values inside it are looked at one by one.
      if (node.kind === SyntaxKind.TemplateExpression) for (const span of node.templateSpans as AnyNode[]) visit(span.expression);
      return;
    }
    node.forEachChild((child) => {
      visit(child as AnyNode);
      return undefined;
    });
  };
  visit(source as AnyNode);
  return { found, literals, keyPatterns, templates };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a template is the key of a t() call. */
function isBuiltKey(node: AnyNode): boolean {
  const parent = node.parent as AnyNode;
  return parent?.kind === SyntaxKind.CallExpression && (parent.arguments as AnyNode[])[0] === node && TRANSLATE_CALLS.has(calleeName(parent.expression) ?? '');
}

/** The keys a built key may be, as a pattern with one group per gap. */
function keyPattern(node: AnyNode): RegExp {
  const parts = [node.head.text, ...(node.templateSpans as AnyNode[]).map((span) => span.literal.text)].map(escapeRegExp);
  return new RegExp(`^${parts.join('(.+)')}$`);
}

/**
 * Parses `files` (name → text, names ending in .ts or .tsx) with the TypeScript compiler and
 * returns, per file, the interface's words found outside the message files and its literals.
 */
export function readUiStrings(files: Readonly<Record<string, string>>): Map<string, FileStrings> {
  const root = '/ui-strings';
  const names = Object.keys(files);
  const virtual: Record<string, string> = {
    [`${root}/tsconfig.json`]: JSON.stringify({
      compilerOptions: { jsx: 'react-jsx', noLib: true, types: [], noResolve: true, allowJs: false },
      files: names.map((name) => `${root}/${name}`),
    }),
  };
  for (const name of names) virtual[`${root}/${name}`] = files[name];
  const api = new API({ cwd: root, fs: createVirtualFileSystem(virtual) });
  try {
    const snapshot = api.updateSnapshot({ openProject: `${root}/tsconfig.json` });
    const program = snapshot.getProject(`${root}/tsconfig.json`)!.program;
    const out = new Map<string, FileStrings>();
    for (const name of names) {
      const source = program.getSourceFile(`${root}/${name}`);
      if (!source) throw new Error(`The compiler did not read ${name}.`);
      out.set(name, stringsOf(name, source));
    }
    return out;
  } finally {
    api.close();
  }
}

/** Findings grouped by file, each as `line: [kind] text`, for a report a person can work through. */
export function groupByFile(found: readonly UiString[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const item of found) (grouped[item.file] ??= []).push(`${item.line}: [${item.kind}] ${item.text}`);
  return grouped;
}

/** The key without its plural suffix: what a t() call names. */
export const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

/**
 * What is wrong with the message keys: literals that name a key (a namespace, a dot, a dotted
 * path) that English does not have, as `file: key` (the compiler checks keys written in t() calls;
 * this catches keys listed where they are built, as in a table of names); and English keys no file
 * names (`pending` keys, awaited from files not converted yet, excepted). A key built from a
 * template counts as named when each gap is filled by a literal of the files or of `listed` (the
 * literals of shared/, where lists such as the export formats' ids live).
 */
export function keyProblems(
  files: ReadonlyMap<string, FileStrings>,
  english: ReadonlySet<string>,
  pending: ReadonlySet<string> = new Set(),
  listed: ReadonlySet<string> = new Set(),
): { unknown: string[]; unused: string[] } {
  const namespaces = [...new Set([...english].map((key) => key.split('.')[0]))];
  const looksLikeKey = new RegExp(`^(${namespaces.join('|')})\\.[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$`);
  const unknown = [...files].flatMap(([file, strings]) => strings.literals.filter((text) => looksLikeKey.test(text) && !english.has(text)).map((key) => `${file}: ${key}`));
  const named = new Set([...files.values()].flatMap((strings) => strings.literals));
  const known = new Set([...named, ...listed]);
  const patterns = [...files.values()].flatMap((strings) => strings.keyPatterns);
  const templates = [...files.values()].flatMap((strings) => strings.templates);
  const fills = (patternList: readonly RegExp[], text: string, known: (gap: string) => boolean) =>
    patternList.some((pattern) => {
      const gaps = pattern.exec(text)?.slice(1);
      return !!gaps && gaps.every(known);
    });
  // A gap is filled by a literal, or by another template whose own gaps are literals.
  const filled = (gap: string) => known.has(gap) || fills(templates, gap, (inner) => known.has(inner));
  const built = (key: string) => fills(patterns, key, filled);
  const unused = [...english].filter((key) => !named.has(key) && !built(key) && !pending.has(key));
  return { unknown, unused };
}
