/**
 * The codebook tree's rows and its keyboard, after the ARIA Authoring Practices tree pattern:
 * which codes are visible (a collapsed code hides its sub-codes), and where each key moves the
 * focus, or which code it expands or collapses. Pure, so the keyboard is tested without a page.
 */
import { codeTree, type Code } from '../../../shared/model/codebook';

/** A visible row of the tree: a code at its level, with its place among its siblings. */
export interface CodeTreeRow {
  code: Code;
  /** 1 for a top-level code (as aria-level counts). */
  level: number;
  /** The code it sits under in the tree, or null at the top. */
  parentId: string | null;
  hasChildren: boolean;
  expanded: boolean;
  /** 1-based place among its siblings, and their number (aria-posinset, aria-setsize). */
  position: number;
  siblings: number;
}

/** What a key does in the tree: move the focus to a code, or expand or collapse one. */
export type TreeMove = { kind: 'focus'; id: string } | { kind: 'expand'; id: string } | { kind: 'collapse'; id: string };

/** The rows the tree shows, in tree order, with the sub-codes of collapsed codes left out. */
export function visibleCodeRows(codes: readonly Code[], collapsed: ReadonlySet<string>): CodeTreeRow[] {
  const tree = codeTree(codes);
  const parentOf = new Map<string, string | null>();
  const stack: string[] = [];
  for (const { code, depth } of tree) {
    stack.length = depth;
    parentOf.set(code.id, depth > 0 ? stack[depth - 1] : null);
    stack.push(code.id);
  }
  const children = new Map<string | null, string[]>();
  for (const { code } of tree) {
    const parent = parentOf.get(code.id) ?? null;
    children.set(parent, [...(children.get(parent) ?? []), code.id]);
  }
  const rows: CodeTreeRow[] = [];
  let hiddenBelow: number | null = null;
  for (const { code, depth } of tree) {
    if (hiddenBelow !== null && depth > hiddenBelow) continue;
    hiddenBelow = null;
    const parentId = parentOf.get(code.id) ?? null;
    const siblings = children.get(parentId) ?? [code.id];
    const hasChildren = (children.get(code.id) ?? []).length > 0;
    const expanded = hasChildren && !collapsed.has(code.id);
    rows.push({ code, level: depth + 1, parentId, hasChildren, expanded, position: siblings.indexOf(code.id) + 1, siblings: siblings.length });
    if (hasChildren && !expanded) hiddenBelow = depth;
  }
  return rows;
}

/**
 * Where `key` takes the tree from the code `currentId`: Up/Down to the previous/next visible code,
 * Right expands a collapsed code or goes to its first sub-code, Left collapses an expanded code or
 * goes to its parent, Home/End to the first/last code, a letter to the next code starting with it.
 * Null when the key does nothing here.
 */
export function treeMove(rows: readonly CodeTreeRow[], currentId: string, key: string): TreeMove | null {
  const index = rows.findIndex((row) => row.code.id === currentId);
  if (index < 0) return rows.length ? { kind: 'focus', id: rows[0].code.id } : null;
  const row = rows[index];
  const focus = (at: number): TreeMove | null => (at >= 0 && at < rows.length && at !== index ? { kind: 'focus', id: rows[at].code.id } : null);
  switch (key) {
    case 'ArrowDown':
      return focus(index + 1);
    case 'ArrowUp':
      return focus(index - 1);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(rows.length - 1);
    case 'ArrowRight':
      if (!row.hasChildren) return null;
      return row.expanded ? focus(index + 1) : { kind: 'expand', id: row.code.id };
    case 'ArrowLeft':
      if (row.expanded) return { kind: 'collapse', id: row.code.id };
      return row.parentId === null ? null : focus(rows.findIndex((other) => other.code.id === row.parentId));
  }
  if (key.length === 1 && key.trim()) {
    // Type-ahead: the next code (after this one, wrapping round) whose name starts with the letter.
    const letter = key.toLocaleLowerCase();
    for (let step = 1; step <= rows.length; step++) {
      const at = (index + step) % rows.length;
      if (rows[at].code.name.toLocaleLowerCase().startsWith(letter)) return focus(at);
    }
  }
  return null;
}
