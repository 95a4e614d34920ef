/**
 * The shortcuts sheet: every key of the registry, grouped (Coding, Editing, Navigation, Views,
 * Export), the text view's own keys and the Suggestions list's keys marked as such. Drawn from the same table as the palette, so
 * it lists what the keys do now; it prints on its own.
 */
import { useId, useState } from 'react';
import { COMMAND_GROUPS, commandsFor } from '../../commands/registry';
import { useT } from '../../i18n/i18n';
import { showDialog } from '../../services/workspace';
import { getState } from '../../store';
import { ModalDialog } from '../palette/ModalDialog';
import { ShortcutKeys } from '../palette/ShortcutKeys';
import './shortcuts.css';

export function ShortcutsSheet() {
  const t = useT();
  const id = useId();
  const [commands] = useState(() => commandsFor(getState()).filter((command) => command.shortcuts.length));
  const close = () => showDialog(null);
  return (
    <ModalDialog className="shortcuts-sheet" labelledBy={`${id}-title`} onClose={close}>
      <header className="dialog-heading">
        <h2 id={`${id}-title`}>{t('commands.sheet.title')}</h2>
        <div className="dialog-heading-actions">
          <button type="button" onClick={() => window.print()} data-action="print-shortcuts">
            {t('commands.sheet.print')}
          </button>
          <button type="button" onClick={close} data-action="close-dialog">
            {t('commands.sheet.close')}
          </button>
        </div>
      </header>
      <p className="sheet-intro">{t('commands.sheet.intro')}</p>
      <div className="sheet-groups">
        {COMMAND_GROUPS.map((group) => {
          const inGroup = commands.filter((command) => command.group === group);
          if (!inGroup.length) return null;
          return (
            <section key={group} className="sheet-group" aria-labelledby={`${id}-${group}`}>
              <h3 id={`${id}-${group}`}>{t(`commands.groups.${group}`)}</h3>
              <table>
                <thead className="visually-hidden">
                  <tr>
                    <th scope="col">{t('commands.sheet.command')}</th>
                    <th scope="col">{t('commands.sheet.keys')}</th>
                  </tr>
                </thead>
                <tbody>
                  {inGroup.map((command) => (
                    <tr key={command.id} data-command={command.id}>
                      <th scope="row">
                        {t(`commands.${command.label}`, command.values ?? { code: '' })}
                        {command.inText && <span className="sheet-in-text"> ({t('commands.sheet.inText')})</span>}
                        {command.inSuggestions && <span className="sheet-in-text"> ({t('commands.sheet.inSuggestions')})</span>}
                      </th>
                      <td>
                        <ShortcutKeys shortcuts={command.shortcuts} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
    </ModalDialog>
  );
}
