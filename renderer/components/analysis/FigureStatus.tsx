/** What a view says besides its figure: that the figure is being computed (after a moment), why it failed, or why it is empty. */
import { useT } from '../../i18n/i18n';

export function FigureStatus(props: { slow: boolean; error: string | null; empty: string | null }) {
  const t = useT();
  return (
    <>
      {props.slow && (
        <div className="progress analysis-progress" role="progressbar" aria-label={t('analysis.computing')}>
          <span className="spinner" aria-hidden="true" /> {t('analysis.computing')}
        </div>
      )}
      {props.error && (
        <p className="analysis-error" role="alert">
          {t('analysis.failed', { reason: props.error })}
        </p>
      )}
      {props.empty && <p className="empty">{props.empty}</p>}
    </>
  );
}
