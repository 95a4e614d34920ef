/** Whether every change is on disk, being saved, or why it is not. */
import { useT } from '../../i18n/i18n';
import { useStore } from '../../store';

export function SaveStatus() {
  const t = useT();
  const pending = useStore((state) => state.pending.size);
  const saveError = useStore((state) => state.saveError);
  if (saveError) return <span className="save-status failed" role="alert">{t('common.save.failed', { reason: saveError })}</span>;
  return (
    <span className="save-status" aria-live="polite" data-state={pending ? 'saving' : 'saved'}>
      {pending ? t('common.save.saving') : t('common.save.saved')}
    </span>
  );
}
