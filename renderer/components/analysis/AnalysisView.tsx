/**
 * The Analysis area, a tab of the main area: the shared filter, then one figure at a time
 * (frequencies, co-occurrence with the AND query, the code × document matrix, the crosstab,
 * words), chosen in a row of tabs (arrow keys move between them).
 */
import { useState, type KeyboardEvent, type ReactElement } from 'react';
import { NO_ANALYSIS_FILTER, type AnalysisFilter } from '../../../shared/analysis/analysis-corpus';
import { useT } from '../../i18n/i18n';
import { AnalysisFilterBar } from './AnalysisFilterBar';
import { CooccurrenceView } from './CooccurrenceView';
import { CrosstabView } from './CrosstabView';
import { FrequenciesView } from './FrequenciesView';
import { MatrixView } from './MatrixView';
import { WordsView } from './WordsView';

const FIGURES = ['frequencies', 'cooccurrence', 'matrix', 'crosstab', 'words'] as const;
type Figure = (typeof FIGURES)[number];

const VIEWS: Record<Figure, (props: { filter: AnalysisFilter }) => ReactElement> = {
  frequencies: FrequenciesView,
  cooccurrence: CooccurrenceView,
  matrix: MatrixView,
  crosstab: CrosstabView,
  words: WordsView,
};

export function AnalysisView() {
  const t = useT();
  const [figure, setFigure] = useState<Figure>('frequencies');
  const [filter, setFilter] = useState<AnalysisFilter>(NO_ANALYSIS_FILTER);
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = FIGURES[(FIGURES.indexOf(figure) + step + FIGURES.length) % FIGURES.length];
    setFigure(next);
    event.currentTarget.querySelector<HTMLButtonElement>(`[data-figure="${next}"]`)?.focus();
  };
  const View = VIEWS[figure];
  return (
    <section className="analysis-area" aria-label={t('analysis.label')}>
      <AnalysisFilterBar filter={filter} onChange={setFilter} />
      <div className="analysis-tabs" role="tablist" aria-label={t('analysis.views.label')} onKeyDown={move}>
        {FIGURES.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`analysis-tab-${name}`}
            aria-selected={figure === name}
            aria-controls="analysis-figure-panel"
            tabIndex={figure === name ? 0 : -1}
            data-figure={name}
            onClick={() => setFigure(name)}
          >
            {t(`analysis.views.${name}`)}
          </button>
        ))}
      </div>
      <div className="analysis-panel" role="tabpanel" id="analysis-figure-panel" aria-labelledby={`analysis-tab-${figure}`}>
        <View filter={filter} />
      </div>
    </section>
  );
}
