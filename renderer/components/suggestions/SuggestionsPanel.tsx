/**
 * The Suggestions panel: the project's one switch (off by default; it says what it does), the
 * model's state in words, each code's quality figures from cross-validation, how suggestions are
 * listed (order and threshold), and the list of the corpus's top suggestions (SuggestionList.tsx).
 */
import { useEffect, type ReactNode } from 'react';
import { codePath, type Code } from '../../../shared/model/codebook';
import type { SuggestionOrder, SuggestionStatus } from '../../../shared/ipc/suggestions';
import type { CodeQuality } from '../../../shared/suggestions/training';
import { formatDateTime, formatNumber, useT } from '../../i18n/i18n';
import { changeSuggestionSettings, exportSuggestionModel, loadSuggestions } from '../../services/suggestions';
import { selectCodes, useStore } from '../../store';
import { formatProbability } from '../../text-view/suggestion-title';
import { SuggestionList } from './SuggestionList';

/** The thresholds offered (the contract allows 0.5–0.99); the project's own is added when it is another. */
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

const figure = (value: number | null) => (value === null ? '—' : formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/**
 * The model's state in words: off, too few examples, training (with a progress bar), ready, failed;
 * and while the corpus's list is being made, how many documents are read (with a progress bar).
 */
function ModelState(props: { status: SuggestionStatus | null }) {
  const t = useT();
  const { status } = props;
  let words: ReactNode;
  if (!status) words = t('suggestions.state.reading');
  else if (status.state === 'off') words = t('suggestions.state.off');
  else if (status.state === 'too-few') {
    const needed = Math.max(0, ...status.quality.map((q) => (q.status === 'too-few-examples' ? q.needed : 0)));
    words = t('suggestions.state.tooFew', { count: needed });
  } else if (status.state === 'training') {
    words = (
      <>
        <span>{status.trainedAt ? t('suggestions.state.retraining') : t('suggestions.state.training')}</span>
        <progress aria-label={t('suggestions.state.trainingProgress')} />
      </>
    );
  } else if (status.state === 'ready') {
    words = t('suggestions.state.ready', { count: status.trainedOn, time: status.trainedAt ? formatDateTime(status.trainedAt) : '—' });
  } else words = t('suggestions.state.failed', { reason: status.failure ?? t('suggestions.state.noReason') });
  const listing = status?.listing;
  return (
    <>
      <p className="suggestions-state" role="status" aria-live="polite" data-state={status?.state ?? 'reading'}>
        {words}
      </p>
      {listing && (
        <p className="suggestions-listing-progress" data-testid="suggestions-listing-progress">
          <span>{t('suggestions.state.listing', { done: listing.done, total: listing.total })}</span>
          <progress aria-label={t('suggestions.state.listingProgress')} value={listing.done} max={Math.max(1, listing.total)} />
        </p>
      )}
    </>
  );
}

/** Each code's figures from k-fold cross-validation on the researcher's own coding, or how many examples it still needs. */
function QualityTable(props: { quality: readonly CodeQuality[]; codes: readonly Code[] }) {
  const t = useT();
  const { quality, codes } = props;
  if (!quality.length) return null;
  const folds = quality.find((q) => q.status === 'checked')?.folds;
  return (
    <table className="suggestions-quality" data-testid="suggestion-quality">
      <caption>{folds ? t('suggestions.quality.caption', { folds }) : t('suggestions.quality.captionNone')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('suggestions.quality.code')}</th>
          <th scope="col" title={t('suggestions.quality.examplesTitle')}>
            {t('suggestions.quality.examples')}
          </th>
          <th scope="col" title={t('suggestions.quality.precisionTitle')}>
            {t('suggestions.quality.precision')}
          </th>
          <th scope="col" title={t('suggestions.quality.recallTitle')}>
            {t('suggestions.quality.recall')}
          </th>
          <th scope="col" title={t('suggestions.quality.f1Title')}>
            {t('suggestions.quality.f1')}
          </th>
        </tr>
      </thead>
      <tbody>
        {quality.map((q) => (
          <tr key={q.codeId} className={`code-${q.codeId}`} data-code-id={q.codeId} data-quality={q.status}>
            <th scope="row">
              <span className="swatch" aria-hidden="true" />
              {codePath(codes, q.codeId)}
            </th>
            <td>{formatNumber(q.positives)}</td>
            {q.status === 'checked' ? (
              <>
                <td>{figure(q.precision)}</td>
                <td>{figure(q.recall)}</td>
                <td data-figure="f1">{figure(q.f1)}</td>
              </>
            ) : (
              <td colSpan={3} className="suggestions-needed">
                {t('suggestions.quality.needed', { needed: q.needed })}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SuggestionsPanel() {
  const t = useT();
  const { settings, status, error } = useStore((state) => state.suggestions);
  const codes = useStore(selectCodes);
  const exporting = useStore((state) => state.exporting);
  const enabled = !!settings?.enabled;
  // Shown: read afresh (coding elsewhere may have trained a newer model).
  useEffect(() => void loadSuggestions(), []);
  const thresholds = settings && !THRESHOLDS.includes(settings.threshold) ? [...THRESHOLDS, settings.threshold].sort() : THRESHOLDS;
  return (
    <section className="suggestions-panel" aria-labelledby="suggestions-title">
      <h2 className="panel-title" id="suggestions-title">
        {t('suggestions.title')}
      </h2>
      <label className="suggestions-switch">
        <input
          type="checkbox"
          role="switch"
          checked={enabled}
          disabled={!settings}
          aria-describedby="suggestions-switch-hint"
          onChange={(event) => void changeSuggestionSettings({ enabled: event.target.checked })}
          data-action="suggestions-switch"
        />
        {t('suggestions.switch')}
      </label>
      <p className="hint" id="suggestions-switch-hint">
        {t('suggestions.switchHint')}
      </p>
      {error && (
        <p className="suggestions-error" role="alert">
          {t('suggestions.failed', { reason: error })}
        </p>
      )}
      {settings && <ModelState status={enabled ? status : { ...(status ?? emptyStatus), state: 'off' }} />}
      {enabled && status && <QualityTable quality={status.quality} codes={codes} />}
      {enabled && settings && (
        <div className="suggestions-options">
          <label>
            {t('suggestions.order.label')}
            <select value={settings.order} onChange={(event) => void changeSuggestionSettings({ order: event.target.value as SuggestionOrder })} data-action="suggestions-order">
              <option value="confidence">{t('suggestions.order.confidence')}</option>
              <option value="uncertainty">{t('suggestions.order.uncertainty')}</option>
            </select>
          </label>
          <label>
            {t('suggestions.threshold.label')}
            <select value={String(settings.threshold)} onChange={(event) => void changeSuggestionSettings({ threshold: Number(event.target.value) })} data-action="suggestions-threshold">
              {thresholds.map((threshold) => (
                <option key={threshold} value={String(threshold)}>
                  {t('suggestions.threshold.atLeast', { probability: formatProbability(threshold) })}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {enabled && <SuggestionList />}
      {/* A model that suggests (ready, or answering while the next one is trained) can be exported. */}
      {enabled && status?.trainedAt && (status.state === 'ready' || status.state === 'training') && (
        <div className="panel-footer">
          <button type="button" onClick={() => void exportSuggestionModel()} disabled={exporting} title={t('suggestions.model.exportTitle')} data-action="export-suggestion-model">
            {t('suggestions.model.export')}
          </button>
        </div>
      )}
    </section>
  );
}

const emptyStatus: SuggestionStatus = { enabled: false, state: 'off', trainedAt: null, trainedOn: 0, quality: [], failure: null, listing: null };
