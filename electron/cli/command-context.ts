/** What a command of the command line works with: the open project, its handlers, and the call line's words. */
import type { Handlers } from '../handlers/dispatch';
import type { ProjectStore } from '../project/project-store';
import type { CommandOptions } from './arguments';

export interface CommandContext {
  /** The project folder. */
  folder: string;
  store: ProjectStore;
  handlers: Handlers;
  options: CommandOptions;
  /** The words after the command (files, a folder). */
  files: string[];
  /** The file (or folder) to write, from --out; null when not given. */
  out: string | null;
  /** Calls an operation; a failure ends the command (exit code 3 for a file that could not be saved, else 1). */
  call(operation: string, input: unknown): Promise<unknown>;
}

/** A command over an open project: what it prints as JSON (undefined: nothing). */
export type ProjectCommand = (context: CommandContext) => Promise<unknown> | unknown;
