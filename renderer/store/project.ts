/**
 * The project as the page knows it: its overview from the main process (documents, codebook,
 * coders, history, notices), or why it could not be loaded; and who is coding.
 */
import type { ProjectOverview } from '../../shared/views/project-overview';
import type { Code } from '../../shared/model/codebook';

export interface ProjectState {
  project: ProjectOverview | null;
  loadError: string | null;
  /** The dialog that asks who is coding is open (it also opens by itself until the coder is confirmed). */
  coderDialog: boolean;
}

export const projectInitial: ProjectState = { project: null, loadError: null, coderDialog: false };

const NONE: readonly never[] = [];
// Selectors that fall back to one shared empty list, so that an absent value is a stable snapshot.
export const selectCodes = (s: ProjectState): readonly Code[] => s.project?.codes ?? NONE;
/** Blind coding (a setting of the project, kept by the main process, which applies it). */
export const selectBlind = (s: ProjectState): boolean => s.project?.blind ?? false;

/** Whether a segment is shown: in blind mode, only the current coder's are. */
export function isVisible(state: ProjectState, segment: { coder: string }): boolean {
  return !selectBlind(state) || segment.coder === state.project?.coder;
}

/** The project with blind coding turned on or off. */
export function withBlind(state: ProjectState, blind: boolean): Partial<ProjectState> {
  return { project: state.project && { ...state.project, blind } };
}

/** The project once `coder` is confirmed as who is coding: known among the coders, the dialog closed. */
export function withCoder(state: ProjectState, coder: string): Partial<ProjectState> {
  return {
    coderDialog: false,
    project: state.project && {
      ...state.project,
      coder,
      coderConfirmed: true,
      coders: [...new Set([...state.project.coders, coder])].sort((a, b) => a.localeCompare(b)),
    },
  };
}

/** The project with what Undo and Redo would now take back or do again. */
export function withHistory(state: ProjectState, history: ProjectOverview['history']): Partial<ProjectState> {
  return { project: state.project && { ...state.project, history } };
}
