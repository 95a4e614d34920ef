/**
 * The filter the Analysis area's views share: all documents or those chosen, all coders or
 * those ticked, and a document variable with the values its documents must have. In blind
 * coding the main process counts only the coder's own segments; the bar says so.
 */
import { useMemo } from 'react';
import type { AnalysisFilter } from '../../../shared/analysis/analysis-corpus';
import { shortTitle } from '../../../shared/text/short-text';
import { useT } from '../../i18n/i18n';
import { useStore } from '../../store';
import { VariableOptions } from './AnalysisOptions';

const NONE: never[] = [];

/** The values a variable takes among the documents, as text ('' for none), sorted. */
export function variableValues(documents: ReadonlyArray<{ values: Record<string, unknown> }>, name: string): string[] {
  const values = new Set(documents.map((d) => (d.values[name] === undefined || d.values[name] === null ? '' : String(d.values[name]))));
  return [...values].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, undefined, { numeric: true })));
}

export function AnalysisFilterBar(props: { filter: AnalysisFilter; onChange: (filter: AnalysisFilter) => void }) {
  const t = useT();
  const { filter, onChange } = props;
  const documents = useStore((state) => state.project?.documents) ?? NONE;
  const variables = useStore((state) => state.project?.variables) ?? NONE;
  const coders = useStore((state) => state.project?.coders) ?? NONE;
  const blind = useStore((state) => state.project?.blind ?? false);
  const values = useMemo(() => (filter.variable ? variableValues(documents, filter.variable.name) : []), [documents, filter.variable]);
  const chosenCoders = filter.coders ?? coders;
  return (
    <div className="analysis-filter" role="group" aria-label={t('analysis.filter.label')}>
      <label>
        {t('analysis.filter.documents')}
        <select value={filter.documentIds ? 'chosen' : 'all'} onChange={(e) => onChange({ ...filter, documentIds: e.target.value === 'all' ? null : documents.slice(0, 1).map((d) => d.id) })}>
          <option value="all">{t('analysis.filter.allDocuments')}</option>
          <option value="chosen">{t('analysis.filter.chosenDocuments')}</option>
        </select>
      </label>
      {filter.documentIds && (
        <select
          multiple
          size={4}
          className="analysis-documents"
          aria-label={t('analysis.filter.whichDocuments')}
          value={[...filter.documentIds]}
          onChange={(e) => onChange({ ...filter, documentIds: [...e.target.selectedOptions].map((o) => o.value) })}
        >
          {documents.map((d) => (
            <option key={d.id} value={d.id} title={d.title}>
              {shortTitle(d.title, 50)}
            </option>
          ))}
        </select>
      )}
      {coders.length > 1 && (
        <fieldset className="analysis-coders">
          <legend>{t('analysis.filter.coders')}</legend>
          {coders.map((coder) => (
            <label key={coder}>
              <input
                type="checkbox"
                checked={chosenCoders.includes(coder)}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosenCoders, coder] : chosenCoders.filter((c) => c !== coder);
                  onChange({ ...filter, coders: next.length === coders.length ? null : next });
                }}
              />
              {coder}
            </label>
          ))}
        </fieldset>
      )}
      {variables.length > 0 && (
        <label>
          {t('analysis.filter.variable')}
          <select
            value={filter.variable?.name ?? ''}
            onChange={(e) => onChange({ ...filter, variable: e.target.value ? { name: e.target.value, values: variableValues(documents, e.target.value) } : null })}
          >
            <option value="">{t('analysis.filter.anyVariable')}</option>
            <VariableOptions variables={variables} />
          </select>
        </label>
      )}
      {filter.variable && (
        <fieldset className="analysis-values">
          <legend>{t('analysis.filter.values', { variable: filter.variable.name })}</legend>
          {values.map((value) => (
            <label key={value}>
              <input
                type="checkbox"
                checked={filter.variable!.values.includes(value)}
                onChange={(e) => {
                  const current = filter.variable!.values;
                  const next = e.target.checked ? [...current, value] : current.filter((v) => v !== value);
                  onChange({ ...filter, variable: { name: filter.variable!.name, values: next } });
                }}
              />
              {value === '' ? t('analysis.noValue') : value}
            </label>
          ))}
        </fieldset>
      )}
      {blind && <p className="analysis-blind">{t('analysis.filter.blind')}</p>}
    </div>
  );
}
