/**
 * Bringing files into the project from the page: texts (.txt .md .html .docx .pdf), projects of
 * other programs (REFI-QDA .qdpx/.qde) and other coders' files (.coder.json), one by one with
 * progress, each whole or not at all; a batch can be stopped before its next file. The report
 * says, per file, what came in and what did not.
 */
import { importedFileKind, tooLargeToImport } from '../../shared/exchange/file-kinds';
import type { ActionOutcome } from '../../shared/ipc/outcomes';
import { getState, update } from '../store';
import { api } from './api-client';
import { openDocument } from './documents';
import { applyImportOutcome } from './history';
import { cancelJob, followJob } from './jobs';
import { refreshCounts } from './overview';
import { formatNumber, t } from '../i18n/i18n';
import { showMessage } from './page';

/** A file's bytes as base64, in slices (a large file would overflow one String.fromCharCode call). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** What importing one file did: lines for the report, and the action if anything came in. */
interface FileImport {
  lines: string[];
  outcome: ActionOutcome | null;
}

/** Imports one file by its kind. */
async function importOne(file: File): Promise<FileImport> {
  const kind = importedFileKind(file.name);
  // Said before the file is read (and base64-encoded) at all: a huge file would only fill memory.
  const tooLarge = kind === 'coder-file' ? null : tooLargeToImport(file.name, file.size, kind);
  if (tooLarge) return { lines: [tooLarge], outcome: null };
  if (kind === 'coder-file') {
    // Another coder's work on the same texts.
    const merged = await api.importCoderFile({ name: file.name, content: await file.text() });
    return merged.ok ? { lines: merged.value.report, outcome: merged.value.outcome } : { lines: [`${file.name}: ${merged.error.message}`], outcome: null };
  }
  if (kind === 'project') {
    // A project from another program: documents, codebook and coded segments in one action.
    const data = await base64Of(file);
    const project = await followJob(t('services.job.import'), (jobId) => api.importProject({ name: file.name, data, jobId }));
    return project.ok ? { lines: project.value.report, outcome: project.value.outcome } : { lines: [`${file.name}: ${project.error.message}`], outcome: null };
  }
  const result = await api.importDocument({ name: file.name, data: await base64Of(file) });
  if (!result.ok) return { lines: [result.error.message], outcome: null };
  const { outcome, duplicateOf, notes } = result.value;
  const lines = [...notes];
  if (duplicateOf) lines.push(t('services.import.duplicate', { file: file.name, title: duplicateOf.title }));
  return { lines, outcome };
}

/**
 * Imports files one by one, showing progress; a file that cannot be imported is reported with
 * its reason and the others go on. The report lists what needs saying.
 */
export async function importFiles(files: readonly File[]): Promise<void> {
  if (!files.length || getState().importing) return;
  const report: string[] = [];
  const importedFiles: string[] = [];
  let firstImported: string | null = null;
  update({ importCancelled: false });
  for (const [index, file] of files.entries()) {
    if (getState().importCancelled) {
      report.push(t('services.import.cancelled', { count: files.length - index }));
      break;
    }
    update({ importing: { done: index, total: files.length, current: file.name } });
    const { lines, outcome } = await importOne(file);
    report.push(...lines);
    if (outcome) {
      importedFiles.push(file.name);
      firstImported ??= outcome.documents.find((d) => d.document)?.id ?? null;
      applyImportOutcome(outcome);
    }
  }
  const summary = t('services.import.summary', { imported: formatNumber(importedFiles.length), count: files.length });
  update({ importing: null, importReport: [summary, ...report] });
  await refreshCounts();
  if (firstImported && !getState().open) await openDocument(firstImported);
  // Each file's import put its own line in the message bar; a batch is said as a whole, naming
  // every file that came in (the report beside the list says what happened to each).
  if (files.length > 1) showMessage(importedFiles.length ? 'info' : 'error', batchMessage(summary, importedFiles, files.length));
}

/** The message bar's line for a batch: how many came in, and which. */
function batchMessage(summary: string, importedFiles: readonly string[], total: number): string {
  if (!importedFiles.length) return t('services.import.noneImported', { summary });
  return t('services.import.batch', { imported: formatNumber(importedFiles.length), count: total, files: importedFiles.join(', ') });
}

/** Stops the imports under way: the file being imported finishes or is cancelled, the rest are left. */
export function cancelImport(): void {
  update({ importCancelled: true });
  cancelJob();
}

export function dismissImportReport(): void {
  update({ importReport: null });
}
