/** The message bar: what was just done, or why it could not be. */
import { useT } from '../../i18n/i18n';
import { dismissMessage } from '../../services/page';
import { useStore } from '../../store';

export function MessageBar() {
  const t = useT();
  const message = useStore((state) => state.message);
  if (!message) return <div className="message-bar" aria-live="polite" />;
  return (
    <div className={`message-bar ${message.kind}`} aria-live="polite" role={message.kind === 'error' ? 'alert' : 'status'}>
      <span className="message-text">{message.text}</span>
      <button type="button" onClick={dismissMessage} aria-label={t('messages.bar.dismiss')}>
        ×
      </button>
    </div>
  );
}
