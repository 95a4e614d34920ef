/**
 * Sorting the Analysis area's tables by a column: figures largest first, names A–Z at first press,
 * the other way at the next; ties keep the rows' given order. The header says which way a
 * column is sorted through `aria-sort`.
 */

export type SortDirection = 'ascending' | 'descending';

export interface TableSort<K extends string> {
  key: K;
  direction: SortDirection;
}

/** The sort after a press on `key`'s header: the same column turns round, another starts its natural way. */
export function nextSort<K extends string>(current: TableSort<K> | null, key: K, textual: boolean): TableSort<K> {
  if (current?.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: textual ? 'ascending' : 'descending' };
}

/** The rows sorted by `value` of each (numbers by size, text by the locale's order), stable. */
export function sortRows<R>(rows: readonly R[], value: (row: R) => number | string | null, direction: SortDirection): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { numeric: true });
  return rows
    .map((row, index) => ({ row, index, value: value(row) }))
    .sort((a, b) => {
      const x = a.value ?? -Infinity;
      const y = b.value ?? -Infinity;
      const order = typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y;
      return sign * order || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** The value of `aria-sort` for a column's header. */
export function ariaSort<K extends string>(sort: TableSort<K> | null, key: K): SortDirection | 'none' {
  return sort?.key === key ? sort.direction : 'none';
}
