import { useState } from 'react';
import { formatNumber, useT } from '../../i18n/i18n';

/**
 * A list of choices with "all" and "none" (for the items the filter shows) and, for a long list,
 * a filter by words; a long label is cut with an ellipsis and shown whole in its tooltip.
 * `choice` names the list for tests and styles (data-choice), whatever the interface's language.
 */
export function Checkboxes(props: {
  choice: string;
  legend: string;
  filterLabel: string;
  items: Array<{ id: string; label: string }>;
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  const t = useT();
  const { items, chosen } = props;
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLocaleLowerCase();
  const shown = words ? items.filter((item) => item.label.toLocaleLowerCase().includes(words)) : items;
  const shownIds = new Set(shown.map((item) => item.id));
  return (
    <fieldset className="reliability-choice" data-choice={props.choice}>
      <legend>{t('agreement.choice.legend', { what: props.legend, chosen: formatNumber(chosen.length), total: formatNumber(items.length) })}</legend>
      <div className="reliability-choice-tools">
        <button type="button" data-action="choose-all" onClick={() => props.onChange([...new Set([...chosen, ...shownIds])])}>
          {t('agreement.choice.all')}
        </button>
        <button type="button" data-action="choose-none" onClick={() => props.onChange(chosen.filter((id) => !shownIds.has(id)))}>
          {t('agreement.choice.none')}
        </button>
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder={t('agreement.choice.filter')} aria-label={props.filterLabel} />
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
