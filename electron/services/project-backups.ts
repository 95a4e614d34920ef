/**
 * Automatic backups of an open project, in its `backups/` folder. (Scaffold: filled in next.)
 */
import type { BackupSummary } from '../../shared/ipc/projects';
import { WorkbenchFailure } from '../../shared/model/failure';
import type { ProjectStore } from '../project/project-store';

export const BACKUPS_FOLDER = 'backups';

export interface BackupOptions {
  now?: () => Date;
  /** Minutes of work between automatic backups. */
  intervalMs?: number;
}

export class ProjectBackups {
  constructor(
    readonly store: ProjectStore,
    readonly options: BackupOptions = {},
  ) {}

  /** Takes the backup of opening and starts the timer of work-time backups. */
  async start(): Promise<void> {}

  /** Stops the timer (the project is closing). */
  async stop(): Promise<void> {}

  async list(): Promise<BackupSummary[]> {
    return [];
  }

  async take(kind: BackupSummary['kind']): Promise<BackupSummary> {
    void kind;
    throw new WorkbenchFailure('internal', 'Backups are not made yet.');
  }

  /** The archive file of a backup, by its id. */
  fileOf(id: string): string {
    throw new WorkbenchFailure('not-found', `There is no backup ${id}.`);
  }
}
