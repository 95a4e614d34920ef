/** Whether every change is on disk, being saved, or why it is not. */
import { useStore } from '../../store';

export function SaveStatus() {
  const pending = useStore((state) => state.pending.size);
  const saveError = useStore((state) => state.saveError);
  if (saveError) return <span className="save-status failed" role="alert">Not saved — {saveError}</span>;
  return (
    <span className="save-status" aria-live="polite" data-state={pending ? 'saving' : 'saved'}>
      {pending ? 'Saving…' : 'All changes saved'}
    </span>
  );
}
