/**
 * What is typed in a form that saves only when submitted (a new code's or variable's name), by
 * field: kept while the panel is closed, so that Escape or a click away loses no keystroke.
 */
export interface DraftsState {
  drafts: Readonly<Record<string, string>>;
}

export const draftsInitial: DraftsState = { drafts: {} };

export const selectDraft = (field: string) => (state: DraftsState): string => state.drafts[field] ?? '';

/** The draft of `field` set to `next` (or to what `next` makes of it). */
export function withDraft(state: DraftsState, field: string, next: string | ((current: string) => string)): Partial<DraftsState> {
  const current = state.drafts[field] ?? '';
  return { drafts: { ...state.drafts, [field]: typeof next === 'function' ? next(current) : next } };
}
