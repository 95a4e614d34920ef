/**
 * The command palette: every command of the registry, filtered as the researcher types, each with
 * its keys. A combobox over a listbox: the arrows move through the commands, Enter runs the one
 * shown active, Escape closes the palette and gives the focus back. A command that cannot run now
 * is shown greyed, with the reason.
 */
import { useId, useMemo, useState } from 'react';
import { commandsFor, type Command } from '../../commands/registry';
import { useT } from '../../i18n/i18n';
import { showDialog } from '../../services/workspace';
import { getState } from '../../store';
import { ModalDialog, whenDialogClosed } from './ModalDialog';
import { filterByLabel } from './palette-filter';
import { ShortcutKeys } from './ShortcutKeys';
import './palette.css';

interface Entry {
  command: Command;
  label: string;
  /** Why it cannot run now, in words; null when it can. */
  unavailable: string | null;
}

export function CommandPalette() {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // What can run is read when the palette opens, while the focus is still where the command will act.
  const [state] = useState(getState);
  const entries = useMemo(
    () =>
      commandsFor(state)
        .filter((command) => command.run)
        .map((command): Entry => {
          const reason = command.unavailable?.(state);
          return { command, label: t(`commands.${command.label}`, command.values ?? { code: '' }), unavailable: reason ? t(`commands.${reason}`) : null };
        }),
    [state, t],
  );
  const shown = useMemo(() => filterByLabel(entries, query, (entry) => entry.label), [entries, query]);
  const current = Math.min(active, shown.length - 1);
  const optionId = (entry: Entry) => `${id}-${entry.command.id}`;
  const close = () => showDialog(null);

  const run = (entry: Entry | undefined) => {
    if (!entry || entry.unavailable) return;
    // The command runs once the palette has closed and given the focus back to where the command
    // acts (the text and its selection; F6 moves on from there).
    const command = entry.command;
    if (command.run) whenDialogClosed(command.run);
    close();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: shown.length - 1, PageDown: current + 8, PageUp: current - 8 };
    if (event.key in moves && shown.length) {
      event.preventDefault();
      const next = moves[event.key];
      // The arrows go round; Home, End and the page keys stop at the ends.
      const wrapped = event.key.startsWith('Arrow') ? (next + shown.length) % shown.length : Math.max(0, Math.min(shown.length - 1, next));
      setActive(wrapped);
      document.getElementById(optionId(shown[wrapped]))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(shown[current]);
    }
  };

  return (
    <ModalDialog className="command-palette" labelledBy={`${id}-title`} onClose={close}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('commands.palette.title')}
      </h2>
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-autocomplete="list"
        aria-controls={`${id}-list`}
        aria-activedescendant={shown[current] ? optionId(shown[current]) : undefined}
        aria-labelledby={`${id}-title`}
        placeholder={t('commands.palette.placeholder')}
        value={query}
        autoFocus
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="palette-count" role="status">
        {shown.length ? t('commands.palette.results', { count: shown.length }) : t('commands.palette.none', { query })}
      </p>
      <ul id={`${id}-list`} role="listbox" aria-labelledby={`${id}-title`} className="palette-list">
        {shown.map((entry, index) => (
          <li
            key={entry.command.id}
            id={optionId(entry)}
            role="option"
            aria-selected={index === current}
            aria-disabled={entry.unavailable ? 'true' : undefined}
            data-command={entry.command.id}
            className={`palette-option${index === current ? ' active' : ''}`}
            onMouseMove={() => setActive(index)}
            onClick={() => run(entry)}
          >
            <span className="palette-label">
              {entry.label}
              {entry.unavailable && <span className="palette-reason">{t('commands.palette.unavailable', { reason: entry.unavailable })}</span>}
            </span>
            <ShortcutKeys shortcuts={entry.command.shortcuts.slice(0, 1)} />
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}
