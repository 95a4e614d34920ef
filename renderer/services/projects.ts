/**
 * Projects from the page: asking which project is open, making and opening projects, the recent
 * list, closing, the project's details, archives and backups. After any change of project the page
 * starts afresh (it reloads), once every change sent has been answered, so that nothing of the
 * project before is left in the page and nothing typed is lost.
 */
import type { BackupSummary, PlaceEntry, SessionState } from '../../shared/ipc/projects';
import type { Result } from '../../shared/ipc/result';
import { t } from '../i18n/i18n';
import { getState, update } from '../store';
import { withProjectDetails, type NewProjectPreset, type ProjectDialog } from '../store/session';
import { deepFocus, isFormField } from '../commands/focus';
import { api, callsSettled } from './api-client';
import { showMessage } from './page';

// A message that must outlive the page starting afresh (a change of project that failed half-way).
const MESSAGE_AFTER_RESTART = 'workbench.messageAfterRestart';

/** Asks the main process which project is open; true when the page may go on to load it. */
export async function loadSession(): Promise<SessionState | null> {
  const result = await api.getSession({});
  if (!result.ok) {
    update({ sessionError: result.error.message });
    return null;
  }
  update({ session: result.value, sessionError: null });
  const message = sessionStorage.getItem(MESSAGE_AFTER_RESTART);
  if (message !== null) {
    sessionStorage.removeItem(MESSAGE_AFTER_RESTART);
    showMessage('error', message);
  }
  return result.value;
}

/** Shows a project dialog (the New project one with what it starts with), or closes it (null). */
export function showProjectDialog(dialog: ProjectDialog | null, preset: NewProjectPreset | null = null): void {
  update({ projectDialog: dialog, newProjectPreset: dialog === 'new-project' ? preset : null });
}

/**
 * Puts every change on its way to disk: a field being typed in (a memo) saves when it loses the
 * focus, so the focus leaves it first; then every call sent is waited for.
 */
export async function flushChanges(): Promise<void> {
  const focused = deepFocus();
  // Only a form field holds typing not yet sent; the text or a button keeps the focus. A dialog's
  // own field is not a change of the project; leaving it would close nothing.
  if (focused && isFormField(focused) && !focused.closest('dialog')) focused.blur();
  // The blur's save is sent from React's handler, in this task; the next one sees it counted.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await callsSettled();
}

/** The page starts afresh on the project the main process has open now (or the start screen). */
export async function startAfresh(): Promise<void> {
  update({ projectBusy: 'changing' });
  await flushChanges();
  window.location.reload();
}

/**
 * Why a change of project cannot start now, or null: changes not saved yet (a save failed) would be
 * left behind, and a change under way is not to be crossed by another.
 */
export function changeRefused(): string | null {
  const state = getState();
  if (state.saveError) return t('projects.unsaved');
  if (state.projectBusy === 'changing') return t('projects.changing');
  return null;
}

/** The project the page shows: its id and folder, or null for the start screen. */
function shownProject(): { projectId: string; folder: string } | null {
  const project = getState().session?.project;
  return project ? { projectId: project.projectId, folder: project.folder } : null;
}

function sameProject(a: { projectId: string; folder: string } | null, b: { projectId: string; folder: string } | null): boolean {
  return (a?.projectId ?? null) === (b?.projectId ?? null) && (a?.folder ?? null) === (b?.folder ?? null);
}

/**
 * After a change of project failed: when the main process no longer has the project the page
 * shows open (it went half-way), the page starts afresh on what is open, the message kept for
 * after; otherwise the message is the caller's to show. True when the page starts afresh.
 */
async function startAfreshIfGone(message: string): Promise<boolean> {
  const now = await api.getSession({});
  if (!now.ok || sameProject(now.value.project, shownProject())) return false;
  sessionStorage.setItem(MESSAGE_AFTER_RESTART, message);
  await startAfresh();
  return true;
}

/**
 * Runs a change of project: refused while changes are unsaved or another change runs; every
 * change of the project open now is answered first, then the call; when the open project is
 * another one afterwards (or none), the page starts afresh. Returns the failure's message, or null.
 */
async function changeProject(call: () => Promise<Result<SessionState>>): Promise<string | null> {
  const refused = changeRefused();
  if (refused !== null) return refused;
  const before = shownProject();
  update({ projectBusy: 'changing' });
  await flushChanges();
  const result = await call();
  if (!result.ok) {
    if (await startAfreshIfGone(result.error.message)) return null;
    update({ projectBusy: null });
    return result.error.message;
  }
  update({ session: result.value });
  if (!sameProject(result.value.project, before)) await startAfresh();
  else update({ projectBusy: null });
  return null;
}

/** Makes a new project and opens it (in the app, after the system's folder dialog). */
export function newProject(input: { name: string; description: string; withSample: boolean; place?: string }): Promise<string | null> {
  return changeProject(() => api.newProject(input));
}

/**
 * Runs `start` (a dialog that leads to a change of project) unless a change cannot start now; then
 * the message says why.
 */
export function whenChangeAllowed(start: () => void): void {
  const refused = changeRefused();
  if (refused !== null) showMessage('error', refused);
  else start();
}

/** Opens a project: from the system's dialog (the app) or the preview's dialog of places. */
export function openProjectFromDialog(): void {
  if (getState().session?.chooser === 'places') return whenChangeAllowed(() => showProjectDialog('open-project'));
  void changeProject(() => api.openProject({ from: 'dialog' })).then(reportFailure);
}

/** Opens the project listed in the preview's root folder under `name` (a project, an archive, a folder). */
export function openPlace(name: string): Promise<string | null> {
  return changeProject(() => api.openProject({ from: 'place', name }));
}

/** Opens a project of the recent list (from the start screen or the desktop menu's Open Recent). */
export function openRecent(id: string): void {
  void changeProject(() => api.openProject({ from: 'recent', id })).then(reportFailure);
}

/** Removes a project from the recent list (its folder stays as it is). */
export async function forgetRecent(id: string): Promise<void> {
  const result = await api.forgetRecent({ id });
  if (result.ok) update({ session: result.value });
  else showMessage('error', result.error.message);
}

/** Saves and closes the open project; the start screen follows. */
export function closeProject(): void {
  void changeProject(() => api.closeProject({})).then(reportFailure);
}

function reportFailure(message: string | null): void {
  if (message !== null) showMessage('error', message);
}

/** The project folders, archives and other folders below the preview's root. */
export async function listPlaces(): Promise<Result<{ available: boolean; entries: PlaceEntry[] }>> {
  return api.listPlaces({});
}

/** Saves the open project's name and description; the title, header and recent list follow. Returns the failure, or null. */
export async function setProjectDetails(name: string, description: string): Promise<string | null> {
  const result = await api.setProjectDetails({ name, description });
  if (!result.ok) return result.error.message;
  update((state) => ({ ...withProjectDetails(state, result.value.name, result.value.description), project: state.project && { ...state.project, name: result.value.name } }));
  showMessage('info', t('projects.details.saved'));
  return null;
}

/** Writes a copy of the open project as one archive file, where the researcher says; the message names it. */
export async function archiveProject(): Promise<void> {
  if (getState().projectBusy) return;
  update({ projectBusy: 'archive' });
  await flushChanges();
  const result = await api.archiveProject({});
  update({ projectBusy: null });
  if (!result.ok) showMessage('error', t('projects.archive.failed', { reason: result.error.message }));
  else if (result.value.path === null) showMessage('info', t('projects.archive.cancelled'));
  else showMessage('info', t('projects.archive.saved', { path: result.value.path }));
}

/** The open project's backups, newest first. */
export function listBackups(): Promise<Result<{ backups: BackupSummary[] }>> {
  return api.listBackups({});
}

/** Makes a backup of the open project now. */
export async function backUpNow(): Promise<Result<BackupSummary>> {
  await flushChanges();
  return api.backUpNow({});
}

/** Replaces the open project by one of its backups (the main process backs up the state now first); the page starts afresh. */
export async function restoreBackup(id: string): Promise<string | null> {
  const refused = changeRefused();
  if (refused !== null) return refused;
  update({ projectBusy: 'changing' });
  await flushChanges();
  const result = await api.restoreBackup({ id });
  if (!result.ok) {
    if (await startAfreshIfGone(result.error.message)) return null;
    update({ projectBusy: null });
    return result.error.message;
  }
  await startAfresh();
  return null;
}
