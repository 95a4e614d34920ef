/**
 * Words: how often each word occurs within the segments of a code (or all counted segments),
 * with or without the language's stop-words; a word lists its keywords in context, and each line
 * jumps to its passage in the text.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import type { AnalysisFilter } from '../../../shared/analysis/analysis-corpus';
import type { AnalysisRequest } from '../../../shared/analysis/analysis-request';
import { formatNumber, useT } from '../../i18n/i18n';
import { jumpToCodePoints } from '../../services/analysis';
import { showMessage } from '../../services/page';
import { selectCodes, useStore } from '../../store';
import { CodeOptions } from '../codebook/CodeOptions';
import { FigureStatus } from './FigureStatus';
import { PassageList, type ListedPassage } from './PassageList';
import { countTicks } from './chart-files';
import { PlotChart } from './PlotChart';
import { TableExport } from './TableExport';
import { useFigure } from './use-figure';
import { SubcodesToggle } from './AnalysisOptions';

/** The stop-word languages offered (ISO codes the stop-word package has lists for). */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ru', 'hy', 'tr'] as const;
/** The context on one line: its line breaks and runs of spaces shown as one space. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** Words listed at most. */
const WORDS_SHOWN = 200;
/** Code points of context on either side of a keyword. */
const CONTEXT = 40;

export function WordsView(props: { filter: AnalysisFilter }) {
  const t = useT();
  const codes = useStore(selectCodes);
  const [codeId, setCodeId] = useState<string | null>(null);
  const [withSubcodes, setWithSubcodes] = useState(true);
  const [dropStopWords, setDropStopWords] = useState(true);
  const [language, setLanguage] = useState<string>('en');
  const [word, setWord] = useState<string | null>(null);
  const request = useMemo(
    (): AnalysisRequest & { figure: 'words' } => ({ figure: 'words', filter: props.filter, codeId, withSubcodes, language, languageVariable: null, dropStopWords }),
    [props.filter, codeId, withSubcodes, language, dropStopWords],
  );
  const { figure, slow, error } = useFigure(request);
  const words = figure?.words ?? null;
  const kwicRequest = useMemo(
    (): (AnalysisRequest & { figure: 'kwic' }) | null => (word ? { figure: 'kwic', filter: props.filter, word, context: CONTEXT, codeId, withSubcodes } : null),
    [props.filter, word, codeId, withSubcodes],
  );
  const kwic = useFigure(kwicRequest);
  const lines = useMemo(
    () =>
      kwic.figure?.lines.map(
        (line, n): ListedPassage => ({
          key: `${line.documentId}:${line.start}:${n}`,
          documentTitle: line.documentTitle,
          content: (
            <>
              <span className="kwic-left">{oneLine(line.left)}</span>
              <mark>{line.word}</mark>
              <span className="kwic-right">{oneLine(line.right)}</span>
            </>
          ),
          jump: () => void jumpToCodePoints(line.documentId, line.start, line.end).then((failed) => failed && showMessage('error', failed)),
        }),
      ) ?? null,
    [kwic.figure],
  );

  const draw = useCallback(
    (width: number) => {
      const top = (words ?? []).slice(0, 25);
      return Plot.plot({
        width,
        marginLeft: 120,
        height: 40 + 20 * top.length,
        x: { label: t('analysis.words.count'), grid: true, ticks: countTicks(top[0]?.count ?? 1) },
        y: { label: null, domain: top.map((w) => w.word) },
        marks: [Plot.barX(top, { x: 'count', y: 'word', fill: codes.find((c) => c.id === codeId)?.colour ?? 'var(--accent)' }), Plot.ruleX([0])],
      });
    },
    [words, codes, codeId, t],
  );

  return (
    <section className="analysis-figure" aria-label={t('analysis.views.words')}>
      <div className="analysis-options">
        <label>
          {t('analysis.code')}
          <select value={codeId ?? ''} onChange={(e) => (setCodeId(e.target.value || null), setWord(null))} data-option="code">
            <option value="">{t('analysis.words.allSegments')}</option>
            <CodeOptions codes={codes} />
          </select>
        </label>
        <SubcodesToggle checked={withSubcodes} onChange={setWithSubcodes} />
        <label>
          <input type="checkbox" checked={dropStopWords} onChange={(e) => setDropStopWords(e.target.checked)} data-option="stop-words" />
          {t('analysis.words.dropStopWords')}
        </label>
        <label>
          {t('analysis.words.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value)} data-option="language">
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }).of(code) ?? code}
              </option>
            ))}
          </select>
        </label>
        <TableExport request={request} />
      </div>
      <FigureStatus slow={slow} error={error} empty={words && words.length === 0 ? t('analysis.empty.noWords') : null} />
      {words && words.length > 0 && (
        <div className="analysis-columns">
          <div className="table-scroll words-scroll">
            <table className="analysis-table words-table">
              <caption>{t('analysis.words.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analysis.words.word')}</th>
                  <th scope="col" className="numeric">
                    {t('analysis.words.count')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('analysis.words.documents')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {words.slice(0, WORDS_SHOWN).map((entry) => (
                  <tr key={entry.word}>
                    <th scope="row">
                      <button type="button" className="word-button" aria-pressed={entry.word === word} onClick={() => setWord(entry.word)} data-word={entry.word}>
                        {entry.word}
                      </button>
                    </th>
                    <td className="numeric">{formatNumber(entry.count)}</td>
                    <td className="numeric">{formatNumber(entry.documents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="analysis-kwic">
            {word ? (
              <>
                <PassageList title={t('analysis.words.kwicTitle', { word, count: lines?.length ?? 0 })} passages={lines} error={kwic.error} onClose={() => setWord(null)} />
                <TableExport request={kwicRequest} label={t('analysis.words.exportKwic')} />
              </>
            ) : (
              <p className="empty">{t('analysis.words.pickWord')}</p>
            )}
          </div>
        </div>
      )}
      {words && words.length > 0 && <PlotChart name="words" label={t('analysis.words.chart')} draw={draw} />}
    </section>
  );
}
