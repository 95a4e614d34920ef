/**
 * Which document variables the document list shows as columns under each title: chosen by the
 * researcher in the list's "Columns…" menu and kept per project in this browser profile.
 */
import { useCallback, useState } from 'react';
import { readStored, writeStored } from '../../store/preferences';

/** The storage key of a project's chosen columns. */
const storageKey = (project: string) => `workbench-document-columns:${project}`;

/** The variable names kept as shown for `project` (none when nothing, or something unreadable, is kept). */
export function readDocumentColumns(project: string): string[] {
  try {
    const kept: unknown = JSON.parse(readStored(storageKey(project)) ?? '[]');
    return Array.isArray(kept) ? kept.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

/** The chosen columns of `project`, and a function that shows or hides one (and keeps the choice). */
export function useDocumentColumns(project: string): [string[], (variable: string, shown: boolean) => void] {
  const [columns, setColumns] = useState(() => readDocumentColumns(project));
  const [forProject, setForProject] = useState(project);
  // Another project opened in the same page: its own choice, not the last one's.
  if (forProject !== project) {
    setForProject(project);
    setColumns(readDocumentColumns(project));
  }
  const choose = useCallback(
    (variable: string, shown: boolean) => {
      setColumns((current) => {
        const next = shown ? [...current.filter((name) => name !== variable), variable] : current.filter((name) => name !== variable);
        writeStored(storageKey(project), JSON.stringify(next));
        return next;
      });
    },
    [project],
  );
  return [columns, choose];
}
