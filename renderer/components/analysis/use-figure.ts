/**
 * Asks the main process for a figure and keeps it up to date: again at once when the request
 * changes, and shortly after the project's segments change (a burst of coding asks once). The
 * figure on screen stays until the new one arrives; `slow` is set when an answer takes longer
 * than SLOW_MS, and a failure is kept as its message.
 */
import { useEffect, useRef, useState } from 'react';
import type { AnalysisFigure, AnalysisRequest } from '../../../shared/analysis/analysis-request';
import { askFigure } from '../../services/analysis';
import { useStore } from '../../store';

/** How long a change of the segments waits for the next one before the figure is asked again. */
export const SEGMENTS_SETTLE_MS = 250;
/** How long an answer may take before the progress indicator shows. */
export const SLOW_MS = 300;

export interface FigureState<F> {
  figure: F | null;
  slow: boolean;
  error: string | null;
}

export function useFigure<K extends AnalysisFigure['figure']>(request: (AnalysisRequest & { figure: K }) | null): FigureState<Extract<AnalysisFigure, { figure: K }>> {
  // Every action that changes segments gives the documents a new list (see AnalysisPanel).
  const documents = useStore((state) => state.project?.documents);
  const blind = useStore((state) => state.project?.blind);
  const key = request ? JSON.stringify(request) : null;
  const [state, setState] = useState<FigureState<Extract<AnalysisFigure, { figure: K }>>>({ figure: null, slow: false, error: null });
  const asked = useRef<string | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    if (key === null) {
      setState({ figure: null, slow: false, error: null });
      asked.current = null;
      return;
    }
    const delay = asked.current === key ? SEGMENTS_SETTLE_MS : 0;
    asked.current = key;
    const number = ++latest.current;
    let slowTimer: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(() => {
      slowTimer = setTimeout(() => latest.current === number && setState((s) => ({ ...s, slow: true })), SLOW_MS);
      void askFigure(JSON.parse(key) as AnalysisRequest).then((answer) => {
        clearTimeout(slowTimer);
        if (latest.current !== number) return;
        if (answer.ok) setState({ figure: answer.figure as Extract<AnalysisFigure, { figure: K }>, slow: false, error: null });
        else setState((s) => ({ ...s, slow: false, error: answer.message }));
      });
    }, delay);
    return () => {
      clearTimeout(timer);
      clearTimeout(slowTimer);
    };
  }, [key, documents, blind]);
  return state;
}
