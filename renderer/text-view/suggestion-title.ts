/** A suggestion said in words for its dotted mark's title: "likely call to action: 0.83". */
import { codePath } from '../../shared/model/codebook';
import type { Suggestion } from '../../shared/suggestions/suggestions';
import { formatNumber, t } from '../i18n/i18n';
import { getState } from '../store';

/** The probability as the panel and the marks show it: two decimals, in the interface's language. */
export function formatProbability(probability: number): string {
  return formatNumber(probability, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "likely <code>: 0.83", the code named by its path in the codebook. */
export function suggestionTitle(suggestion: Suggestion): string {
  const code = codePath(getState().project?.codes ?? [], suggestion.codeId);
  return t('suggestions.likely', { code, probability: formatProbability(suggestion.probability) });
}
