/**
 * Handlers of suggestions learnt from the researcher's own coding (shared/ipc/suggestions.ts): each
 * asks the project's suggestions service (suggestions-service.ts), made with the project's handlers
 * and ended with the project. Input arrives checked against the contract (dispatch.ts); what only
 * the project can check (a document, a code, a passage) the service refuses with a failure that
 * says what is wrong.
 */
import type { FileKind } from '../../shared/ipc/export-formats';
import { WorkbenchFailure } from '../../shared/model/failure';
import { SuggestionsService } from '../services/suggestions-service';
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

/** A model file, for the save dialog. */
export const JSON_FILES: FileKind = { name: 'JSON', extensions: ['json'] };

export function suggestionHandlers(context: HandlerContext): Pick<Handlers, SuggestionOperation> {
  const { store, services, now, jobs, day, saveAs } = context;
  const suggestions = new SuggestionsService(store, { now, debounceMs: services.suggestionDelayMs });
  return {
    suggestionSettings: () => suggestions.settings,
    setSuggestionSettings: (change) => suggestions.setSettings(change),
    suggestionStatus: () => suggestions.status(),
    documentSuggestions: ({ documentId }) => suggestions.documentSuggestions(documentId),
    corpusSuggestions: (request) => suggestions.corpusSuggestions(request),
    acceptSuggestion: (input) => suggestions.accept(input),
    rejectSuggestion: async (rejection) => ({ rejected: await suggestions.reject(rejection) }),
    exportSuggestionModel: ({ jobId }) =>
      jobs.run(jobId, async (job) => {
        const model = suggestions.modelInUse;
        if (!model) {
          throw new WorkbenchFailure(
            'not-found',
            suggestions.settings.enabled
              ? 'There is no model to export yet: it is still learning from your coding. Try again once the status says it is ready.'
              : 'There is no model to export: suggestions are off in this project. Turn them on, let the model learn from your coding, then export it.',
          );
        }
        const path = await saveAs(`suggestion-model-${day()}.json`, JSON_FILES, job, () => `${model.json}\n`);
        return { path, rows: path ? model.trainedOn : 0 };
      }),
  };
}
