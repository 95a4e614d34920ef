/**
 * Who is coding, blind coding, and bringing coders' work together without a server: other coders' files and a
 * shared folder (remembered in this browser profile) where each coder writes only their own file.
 */
import type { ProjectImportOutcome } from '../../shared/ipc/exchange';
import type { Result } from '../../shared/ipc/result';
import { getState, selectBlind, update } from '../store';
import { withAgreement } from '../store/agreement';
import { readStored, writeStored } from '../store/preferences';
import { withBlind, withCoder } from '../store/project';
import { api, isPreview } from './api-client';
import { reloadOpenDocument } from './documents';
import { applyImportOutcome } from './history';
import { refreshCounts } from './overview';
import { t } from '../i18n/i18n';
import { showMessage } from './page';

const FOLDER_KEY = 'workbench-shared-folder';

/** The shared folder remembered in this browser profile ('' when none). */
export function rememberedFolder(): string {
  return readStored(FOLDER_KEY) ?? '';
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
  const folder = rememberedFolder();
  if (!folder) return;
  const result = await api.syncSharedFolder({ folder });
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

/** Remembers the shared folder and syncs it: this coder's file goes there, the others' come in. */
export function syncSharedFolder(folder: string): Promise<CodersTaken> {
  writeStored(FOLDER_KEY, folder);
  return take([() => api.syncSharedFolder({ folder })]);
}

/** Whether a folder can be chosen in a dialog (the desktop app; the browser preview has none). */
export const canChooseFolder = !isPreview;

/** Asks the desktop's folder dialog for a shared folder; null when none was chosen. */
export async function chooseSharedFolder(): Promise<string | null> {
  const chosen = await api.chooseFolder({ purpose: 'shared-folder' });
  return chosen.ok && chosen.value.folder ? chosen.value.folder : null;
}
