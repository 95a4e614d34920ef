/** A command's keys as the researcher presses them: a `<kbd>` per combination holding a `<kbd>` per key, alternatives side by side. */
import { onMac, shortcutKeys, type Shortcut } from '../../commands/registry';
import { useT } from '../../i18n/i18n';

export function ShortcutKeys(props: { shortcuts: readonly Shortcut[] }) {
  const t = useT();
  if (!props.shortcuts.length) return null;
  return (
    // macOS writes its key symbols side by side, without a "+".
    <span className="shortcut-keys" data-mac={onMac || undefined}>
      {props.shortcuts.map((shortcut, index) => (
        <span key={index} className="shortcut">
          {index > 0 && <span className="shortcut-or">{t('commands.sheet.or')}</span>}
          <kbd>
            {shortcutKeys(shortcut).map((key, at) => (
              <kbd key={at}>{key}</kbd>
            ))}
          </kbd>
        </span>
      ))}
    </span>
  );
}
