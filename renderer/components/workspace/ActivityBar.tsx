/**
 * The activity bar at the window's left edge: one toggle button per side panel (choosing the one
 * shown folds the side bar away), and at its foot the settings and the keyboard shortcuts. A
 * vertical toolbar: the arrow keys move between its buttons, Tab leaves it.
 */
import { commandKeys } from '../../commands/registry';
import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { showDialog, togglePanel } from '../../services/workspace';
import { useStore } from '../../store';
import { SIDE_PANELS } from '../../store/workspace';
import { Icon } from './icons';

/** Moves the focus between the bar's buttons with the arrow keys, Home and End. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const steps: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  let next: number | null = null;
  if (event.key in steps) next = (at + steps[event.key] + buttons.length) % buttons.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = buttons.length - 1;
  if (next === null) return;
  event.preventDefault();
  buttons[next].focus();
}

export function ActivityBar() {
  const t = useT();
  const shown = useStore((state) => state.sidePanel);
  const bar = useRef<HTMLElement>(null);
  // One button of the bar is in the Tab order: the panel shown, else the first.
  const current = shown ?? SIDE_PANELS[0];
  return (
    <nav className="activity-bar" ref={bar} role="toolbar" aria-orientation="vertical" aria-label={t('workspace.activity.label')} onKeyDown={moveFocus}>
      {SIDE_PANELS.map((panel) => (
        <button
          key={panel}
          type="button"
          className="activity"
          aria-pressed={shown === panel}
          aria-label={t(`workspace.activity.${panel}`)}
          title={panel === 'search' ? t('workspace.activity.searchShortcut', { keys: commandKeys('find') }) : t(`workspace.activity.${panel}`)}
          tabIndex={panel === current ? 0 : -1}
          onClick={() => togglePanel(panel)}
          data-action={panel}
        >
          <Icon name={panel} />
        </button>
      ))}
      <span className="activity-spacer" />
      <button type="button" className="activity" aria-label={t('workspace.activity.settings')} title={t('workspace.activity.settings')} tabIndex={-1} onClick={() => showDialog('settings')} data-action="settings">
        <Icon name="settings" />
      </button>
      <button type="button" className="activity activity-help" aria-label={t('workspace.activity.shortcuts')} title={t('workspace.activity.shortcuts')} tabIndex={-1} onClick={() => showDialog('shortcuts')} data-action="shortcuts">
        ?
      </button>
    </nav>
  );
}
