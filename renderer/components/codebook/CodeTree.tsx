/**
 * The codes as an ARIA tree: one focusable code at a time (roving tabindex), the selection
 * following the focus, the keyboard of the ARIA Authoring Practices tree pattern, and Enter or F2
 * to edit the selected code's details. Each code shows its name and key beside its colour.
 */
import { useEffect, useRef, useState } from 'react';
import type { Code } from '../../../shared/model/codebook';
import { useT } from '../../i18n/i18n';
import { treeMove, visibleCodeRows } from './code-tree-navigation';

/** The codebook tree; `selectedId` is the code whose details are shown; `onEdit` asks to edit them. */
export function CodeTree(props: { codes: readonly Code[]; selectedId: string | null; onSelect: (id: string) => void; onEdit: () => void }) {
  const { codes, selectedId, onSelect, onEdit } = props;
  const t = useT();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const tree = useRef<HTMLUListElement>(null);
  // Moved by the keyboard: the focus follows the selection once the new row is drawn.
  const [focusWanted, setFocusWanted] = useState(false);
  const rows = visibleCodeRows(codes, collapsed);
  const current = rows.some((row) => row.code.id === selectedId) ? selectedId : (rows[0]?.code.id ?? null);
  useEffect(() => {
    if (!focusWanted || !current) return;
    setFocusWanted(false);
    tree.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(current)}"]`)?.focus();
  }, [focusWanted, current]);
  const toggle = (id: string, open: boolean) =>
    setCollapsed((before) => {
      const next = new Set(before);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <ul
      className="codebook-list"
      role="tree"
      aria-label={t('codebook.tree.label')}
      ref={tree}
      onKeyDown={(event) => {
        if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
        if (event.key === 'Enter' || event.key === 'F2') {
          event.preventDefault();
          onEdit();
          return;
        }
        const move = treeMove(rows, current, event.key);
        // A letter is the tree's (a jump to the code it starts), matched or not: what it does must
        // not depend on the codes' names, so it never falls through to the code keys of the page.
        if (event.key.length === 1 && event.key !== ' ') event.preventDefault();
        if (!move) return;
        event.preventDefault();
        if (move.kind === 'focus') onSelect(move.id);
        else toggle(move.id, move.kind === 'expand');
        setFocusWanted(true);
      }}
    >
      {rows.map((row) => {
        const { code } = row;
        const name = code.key ? t('codebook.tree.itemWithKey', { name: code.name, key: code.key }) : code.name;
        return (
          <li
            key={code.id}
            role="treeitem"
            className={`codebook-entry code-${code.id}`}
            data-code-id={code.id}
            aria-level={row.level}
            aria-setsize={row.siblings}
            aria-posinset={row.position}
            aria-expanded={row.hasChildren ? row.expanded : undefined}
            aria-selected={code.id === current}
            aria-label={name}
            tabIndex={code.id === current ? 0 : -1}
            style={{ paddingInlineStart: `${0.4 + (row.level - 1) * 1.2}em` }}
            onClick={() => onSelect(code.id)}
            onDoubleClick={onEdit}
          >
            <span
              className="tree-twisty"
              aria-hidden="true"
              onClick={(event) => {
                if (!row.hasChildren) return;
                event.stopPropagation();
                onSelect(code.id);
                toggle(code.id, !row.expanded);
              }}
            >
              {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
            </span>
            <span className="swatch" aria-hidden="true" />
            <span className="codebook-entry-name" dir="auto">
              {code.name}
            </span>
            {/* Drawn by CSS from data-key: the visible words stay the start of the accessible name. */}
            {code.key && <kbd className="code-key" data-key={code.key} aria-hidden="true" />}
          </li>
        );
      })}
    </ul>
  );
}
