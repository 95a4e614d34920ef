/**
 * The text view as a React component: mounts the view of the open document (mount.ts), puts its
 * controller in the store for the rest of the page, keeps it in step with the store and its
 * highlights on the visible window, and takes it all away when another document or view comes.
 */
import { useEffect, useRef } from 'react';
import { closePopover } from '../services/page';
import { getState, update, useStore } from '../store';
import { textViewController } from './controller';
import { mountTextView } from './mount';
import { syncWithStore } from './store-sync';
import { followVisibleWindow } from './visible-window';

export function TextView() {
  const documentId = useStore((state) => state.open?.document.id);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const open = getState().open;
    const hostElement = host.current;
    if (!open || !hostElement) return;
    const { view, unmount } = mountTextView(hostElement, open);
    const scroller = hostElement.closest<HTMLElement>('.document') ?? document.documentElement;
    const controller = textViewController(view, open.layout, scroller);
    update({ textView: controller });
    hostElement.dataset.ready = 'true';
    const stopWindow = followVisibleWindow(view, open.layout, scroller);
    const stopSync = syncWithStore(view, open);
    return () => {
      stopSync();
      // The details of a segment belong to the text they point at: gone with it (another view).
      closePopover();
      stopWindow();
      if (getState().textView === controller) update({ textView: null });
      unmount();
      delete hostElement.dataset.ready;
    };
  }, [documentId]);

  return <div className="text-host" ref={host} data-document-id={documentId} />;
}
