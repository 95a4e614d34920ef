/** A column header that sorts its table: a button inside (click, Enter or Space), and `aria-sort` on the header. */
import type { ReactNode } from 'react';
import { ariaSort, type TableSort } from './table-sort';

export function SortHeader<K extends string>(props: { column: K; sort: TableSort<K> | null; onSort: (column: K) => void; children: ReactNode; numeric?: boolean }) {
  const state = ariaSort(props.sort, props.column);
  return (
    <th scope="col" aria-sort={state} className={props.numeric ? 'numeric' : undefined}>
      <button type="button" className="sort-header" onClick={() => props.onSort(props.column)} data-column={props.column}>
        {props.children}
        <span className="sort-mark" aria-hidden="true">
          {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : ''}
        </span>
      </button>
    </th>
  );
}
