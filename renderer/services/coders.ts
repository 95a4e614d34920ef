/**
 * Who is coding, blind coding, and bringing coders' work together without a server: other coders' files and a
 * shared folder where each coder writes only their own file. The folder is chosen in the system's
 * dialog (or, in the browser preview, by its name below the preview's folder) and remembered for
 * the project by the main process; the page never names a path.
 */
import type { ProjectImportOutcome } from '../../shared/ipc/exchange';
import type { Result } from '../../shared/ipc/result';
import { getState, selectBlind, update } from '../store';
import { withAgreement } from '../store/agreement';
import { withBlind, withCoder } from '../store/project';
import { api, isPreview } from './api-client';
import { reloadOpenDocument } from './documents';
import { applyImportOutcome } from './history';
import { refreshCounts } from './overview';
import { t } from '../i18n/i18n';
import { showMessage } from './page';

/** The project's shared folder as the main process remembers it (to show it); null when none is chosen. */
export async function rememberedFolder(): Promise<string | null> {
  const result = await api.sharedFolder({});
  return result.ok ? result.value.folder : null;
}

/**
 * Turns blind coding on or off. The main process keeps the setting and applies it: while it is
 * on, only the current coder's segments reach the page (and an agreement report computed before
 * is not shown again).
 */
export async function setBlind(blind: boolean): Promise<void> {
  const result = await api.setBlind({ blind });
  if (!result.ok) return showMessage('error', result.error.message);
  update((current) => ({ popover: null, ...withBlind(current, blind), ...(blind ? withAgreement(current, { report: null }) : {}) }));
  await reloadOpenDocument();
  await refreshCounts();
}

/** Sets who is coding: their name goes on every segment they make from now on. */
export async function setCoder(name: string): Promise<boolean> {
  const result = await api.setCoder({ name });
  if (!result.ok) {
    showMessage('error', result.error.message);
    return false;
  }
  const coder = result.value.coder;
  update((current) => withCoder(current, coder));
  showMessage('info', t('services.coders.codingAs', { coder }));
  if (selectBlind(getState())) await reloadOpenDocument();
  return true;
}

/**
 * On start, a remembered shared folder is synced: this coder's file is written there and the
 * others' work comes in, without anyone having to remember to press Sync.
 */
export async function syncRememberedFolder(): Promise<void> {
  const folder = await rememberedFolder();
  if (!folder) return;
  const result = await api.syncSharedFolder({});
  if (!result.ok) showMessage('error', t('services.coders.syncFailed', { folder, reason: result.error.message }));
  else if (result.value.outcome) applyImportOutcome(result.value.outcome);
}

/** What bringing in coders' work did: a line per file, and whether anything came in. */
export interface CodersTaken {
  report: string[];
  merged: boolean;
}

async function take(calls: Array<() => Promise<Result<ProjectImportOutcome>>>): Promise<CodersTaken> {
  const report: string[] = [];
  let merged = false;
  for (const call of calls) {
    const result = await call();
    if (!result.ok) report.push(result.error.message);
    else {
      report.push(...result.value.report);
      if (result.value.outcome) {
        merged = true;
        applyImportOutcome(result.value.outcome);
      }
    }
  }
  return { report, merged };
}

/** Imports other coders' files, one after another. */
export function importCoderFiles(files: readonly File[]): Promise<CodersTaken> {
  return take(files.map((file) => async () => api.importCoderFile({ name: file.name, content: await file.text() })));
}

/** Syncs the project's shared folder: this coder's file goes there, the others' come in. */
export function syncSharedFolder(): Promise<CodersTaken> {
  return take([() => api.syncSharedFolder({})]);
}

/** Whether the folder is chosen in the system's dialog (the desktop app) rather than by a name (the browser preview). */
export const canChooseFolder = !isPreview;

/**
 * Chooses the project's shared folder: in the desktop app in the system's dialog (`place` not
 * given), in the preview by the name of a folder below its folder. The folder now remembered, or
 * null when the dialog was cancelled or the name refused (the message then says why).
 */
export async function chooseSharedFolder(place?: string): Promise<string | null> {
  const chosen = await api.chooseFolder(place === undefined ? { purpose: 'shared-folder' } : { purpose: 'shared-folder', place });
  if (!chosen.ok) {
    showMessage('error', chosen.error.message);
    return null;
  }
  return chosen.value.folder;
}
