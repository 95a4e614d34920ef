/** The project's notices (a damaged file kept aside, ...), each until it is dismissed. */
import { useT } from '../../i18n/i18n';
import { dismissNotice } from '../../services/page';
import { useStore } from '../../store';
import { selectShownNotices } from '../../store/messages';

export function Notices() {
  const t = useT();
  const shown = useStore(selectShownNotices);
  if (!shown.length) return null;
  return (
    <div className="notices" role="alert">
      {shown.map((notice) => (
        <p key={notice}>
          {notice}{' '}
          <button type="button" onClick={() => dismissNotice(notice)}>
            {t('messages.notices.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
