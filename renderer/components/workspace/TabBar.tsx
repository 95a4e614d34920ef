/**
 * The tabs of the main area: each open document (by its title) and each open view. A tab is
 * chosen by click, Enter or Space; the arrow keys, Home and End move between tabs; Delete, a
 * middle click or its × closes it, the focus going to the tab that comes forward (Ctrl+W and Ctrl+Tab work anywhere: workspace-keys.ts).
 */
import { commandKeys } from '../../commands/registry';
import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { activateTab, closeTab } from '../../services/workspace';
import { useStore } from '../../store';
import { tabKey, type Tab } from '../../store/workspace';
import { closeTabKeepingFocus, tabElementId } from './close-tab';

/** The id of the tab panel every tab controls (only the front tab's content is drawn). */
export const TAB_PANEL_ID = 'main-tab-panel';

/** The element id of a tab (the tab panel is labelled by the front one). */
export { tabElementId };

function moveBetweenTabs(event: KeyboardEvent<HTMLElement>) {
  const tabs = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]'));
  const at = tabs.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const steps: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
  let next: number | null = null;
  if (event.key in steps) next = (at + steps[event.key] + tabs.length) % tabs.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = tabs.length - 1;
  else if (event.key === 'Delete') {
    event.preventDefault();
    closeTabKeepingFocus(tabs[at].dataset.tabKey!);
    return;
  }
  if (next === null) return;
  event.preventDefault();
  tabs[next].focus();
}

export function TabBar() {
  const t = useT();
  const tabs = useStore((state) => state.tabs);
  const activeTab = useStore((state) => state.activeTab);
  const documents = useStore((state) => state.project?.documents);
  const label = (tab: Tab) =>
    tab.kind === 'view' ? t(`workspace.tabs.views.${tab.view}`) : (documents?.find((document) => document.id === tab.documentId)?.title ?? tab.documentId);
  if (tabs.length === 0) return null;
  return (
    <div className="tab-bar" role="tablist" aria-label={t('workspace.tabs.label')} onKeyDown={moveBetweenTabs}>
      {tabs.map((tab) => {
        const key = tabKey(tab);
        const selected = key === activeTab;
        const title = label(tab);
        return (
          // The close button sits beside the tab, not in it (a tab holds no other control); keyboard users close with Delete or Ctrl+W.
          <div key={key} className="tab" data-selected={selected} data-tab-kind={tab.kind} onAuxClick={(event) => event.button === 1 && closeTab(key)} onMouseDown={(event) => event.button === 1 && event.preventDefault()}>
            <button
              type="button"
              role="tab"
              id={tabElementId(key)}
              aria-selected={selected}
              aria-controls={TAB_PANEL_ID}
              tabIndex={selected ? 0 : -1}
              className="tab-label"
              title={title}
              data-tab-key={key}
              data-document-id={tab.kind === 'document' ? tab.documentId : undefined}
              data-view={tab.kind === 'view' ? tab.view : undefined}
              onClick={() => activateTab(key)}
            >
              {title}
            </button>
            <button type="button" className="tab-close" tabIndex={-1} aria-hidden="true" title={t('workspace.tabs.closeTitle', { keys: commandKeys('close-tab') })} onClick={() => closeTab(key)} data-action="close-tab">
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
