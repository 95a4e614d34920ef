/**
 * A heatmap as a grid: one row per row of the figure, one button per cell, tinted by its figure
 * (heat-scale.ts, mixed by the CSS) and named for screen readers ("factual claim × opinion: 12 pairs"). Arrow keys
 * move between cells, Home/End to a row's ends; Enter or a click opens the cell's passages.
 */
import { useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { heatMax, heatShare } from './heat-scale';

export interface HeatmapRow {
  key: string;
  label: string;
  /** The code's id when the row is a code (its swatch takes the code's colour). */
  codeId?: string;
  /** A group heading shown above this row (documents grouped by a variable). */
  group?: string;
  cells: number[];
}

export function Heatmap(props: {
  label: string;
  corner: string;
  columns: ReadonlyArray<{ key: string; label: string; codeId?: string }>;
  rows: readonly HeatmapRow[];
  format: (value: number) => string;
  cellName: (row: HeatmapRow, column: number) => string;
  selected: { row: string; column: number } | null;
  onOpen: (row: HeatmapRow, column: number) => void;
}) {
  const grid = useRef<HTMLTableElement>(null);
  const max = heatMax(props.rows.map((row) => row.cells));
  const move = (event: KeyboardEvent<HTMLButtonElement>, row: number, column: number) => {
    const steps: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    let target: [number, number] | null = null;
    if (event.key in steps) target = [row + steps[event.key][0], column + steps[event.key][1]];
    else if (event.key === 'Home') target = [row, 0];
    else if (event.key === 'End') target = [row, props.columns.length - 1];
    if (!target) return;
    event.preventDefault();
    grid.current?.querySelector<HTMLButtonElement>(`button[data-row-index="${target[0]}"][data-column="${target[1]}"]`)?.focus();
  };
  let group: string | undefined;
  return (
    <div className="table-scroll heatmap-scroll">
      <table className="heatmap" role="grid" aria-label={props.label} ref={grid}>
        <thead>
          <tr>
            <th scope="col">{props.corner}</th>
            {props.columns.map((column) => (
              <th scope="col" key={column.key} className={column.codeId ? `code-${column.codeId}` : undefined}>
                {column.codeId && <span className="swatch" aria-hidden="true" />}
                <span className="heatmap-column-label" title={column.label}>
                  {column.label}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.flatMap((row, r) => {
            const heading =
              row.group !== undefined && row.group !== group ? (
                <tr key={`group:${row.group}:${r}`} className="heatmap-group">
                  <th scope="rowgroup" colSpan={props.columns.length + 1}>
                    {row.group}
                  </th>
                </tr>
              ) : null;
            group = row.group;
            const line = (
              <tr key={row.key}>
                <th scope="row" className={row.codeId ? `code-${row.codeId}` : undefined} title={row.label}>
                  {row.codeId && <span className="swatch" aria-hidden="true" />}
                  {row.label}
                </th>
                {row.cells.map((value, c) => {
                  const chosen = props.selected?.row === row.key && props.selected.column === c;
                  return (
                    <td key={props.columns[c].key} role="gridcell">
                      <button
                        type="button"
                        className={chosen ? 'heat-cell chosen' : 'heat-cell'}
                        style={{ '--heat': heatShare(value, max) } as CSSProperties}
                        aria-label={props.cellName(row, c)}
                        aria-pressed={chosen}
                        tabIndex={r === 0 && c === 0 ? 0 : -1}
                        data-row={row.key}
                        data-row-index={r}
                        data-column={c}
                        onClick={() => props.onOpen(row, c)}
                        onKeyDown={(event) => move(event, r, c)}
                      >
                        {props.format(value)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
            return heading ? [heading, line] : [line];
          })}
        </tbody>
      </table>
    </div>
  );
}
