/**
 * Projects as the page knows them: the session the main process reports (which project is open,
 * the recent list, how folders are chosen, notices for the start screen), the project dialog that
 * is up, and the project work running now (an archive being written, a project being opened).
 * Pure state; renderer/services/projects.ts changes it.
 */
import type { SessionState } from '../../shared/ipc/projects';

/** The dialogs about projects (one at a time, beside the workspace's own). */
export type ProjectDialog = 'new-project' | 'open-project' | 'project-details' | 'restore-backup';

/** What the New project dialog starts with (the start screen's sample offer fills it in). */
export interface NewProjectPreset {
  name: string;
  withSample: boolean;
}

export interface SessionSlice {
  /** The session as last reported; null until the page has asked. */
  session: SessionState | null;
  /** Why the session could not be read. */
  sessionError: string | null;
  projectDialog: ProjectDialog | null;
  newProjectPreset: NewProjectPreset | null;
  /** Project work running now, shown while it lasts. */
  projectBusy: 'archive' | 'changing' | null;
}

export const sessionInitial: SessionSlice = { session: null, sessionError: null, projectDialog: null, newProjectPreset: null, projectBusy: null };

/** Whether a project is open, as far as the main process has said. */
export const selectProjectOpen = (state: SessionSlice): boolean => !!state.session?.project;

/** The session with the open project renamed (its details saved), the recent list following. */
export function withProjectDetails(state: SessionSlice, name: string, description: string): Partial<SessionSlice> {
  const session = state.session;
  if (!session?.project) return {};
  const folder = session.project.folder;
  return {
    session: {
      ...session,
      project: { ...session.project, name, description },
      recent: session.recent.map((entry) => (entry.folder === folder ? { ...entry, name } : entry)),
    },
  };
}
