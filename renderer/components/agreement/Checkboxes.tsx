import { useState } from 'react';

/**
 * A list of choices with "all" and "none" (for the items the filter shows) and, for a long list,
 * a filter by words; a long label is cut with an ellipsis and shown whole in its tooltip.
 */
export function Checkboxes(props: { legend: string; items: Array<{ id: string; label: string }>; chosen: string[]; onChange: (chosen: string[]) => void }) {
  const { items, chosen } = props;
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLocaleLowerCase();
  const shown = words ? items.filter((item) => item.label.toLocaleLowerCase().includes(words)) : items;
  const shownIds = new Set(shown.map((item) => item.id));
  return (
    <fieldset className="reliability-choice" data-choice={props.legend.toLowerCase()}>
      <legend>
        {props.legend} ({chosen.length} of {items.length})
      </legend>
      <div className="reliability-choice-tools">
        <button type="button" data-action="choose-all" onClick={() => props.onChange([...new Set([...chosen, ...shownIds])])}>
          All
        </button>
        <button type="button" data-action="choose-none" onClick={() => props.onChange(chosen.filter((id) => !shownIds.has(id)))}>
          None
        </button>
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="Filter…" aria-label={`Filter the ${props.legend.toLowerCase()}`} />
      </div>
      <div className="reliability-choice-list">
        {shown.map((item) => (
          <label key={item.id} title={item.label}>
            <input
              type="checkbox"
              checked={chosen.includes(item.id)}
              onChange={(event) => props.onChange(event.target.checked ? [...chosen, item.id] : chosen.filter((id) => id !== item.id))}
            />
            <span className="choice-label">{item.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
