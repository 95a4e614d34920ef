/**
 * Handlers of suggestions learnt from the researcher's own coding (shared/ipc/suggestions.ts).
 * The contract is in place; the service behind it is being built, and until then every operation
 * says so plainly instead of pretending.
 */
import { WorkbenchFailure } from '../../shared/model/failure';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';

type SuggestionOperation =
  | 'suggestionSettings'
  | 'setSuggestionSettings'
  | 'suggestionStatus'
  | 'documentSuggestions'
  | 'corpusSuggestions'
  | 'acceptSuggestion'
  | 'rejectSuggestion'
  | 'exportSuggestionModel';

export function suggestionHandlers(_context: HandlerContext): Pick<Handlers, SuggestionOperation> {
  const notYet = async (): Promise<never> => {
    throw new WorkbenchFailure('internal', 'Suggestions are not available in this version yet.');
  };
  return {
    suggestionSettings: notYet,
    setSuggestionSettings: notYet,
    suggestionStatus: notYet,
    documentSuggestions: notYet,
    corpusSuggestions: notYet,
    acceptSuggestion: notYet,
    rejectSuggestion: notYet,
    exportSuggestionModel: notYet,
  };
}
