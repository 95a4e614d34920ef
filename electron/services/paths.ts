/**
 * Where things live on disk: the per-user data folder (the same one Electron's
 * `app.getPath('userData')` gives, so the app and the preview share projects), the default
 * project folder inside it, and the bundled documents.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Annotation Workbench';

/** The per-user data folder Electron would use for this app on this platform. */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME);
}

/** The folder of the default project inside a user data folder. */
export function defaultProjectFolder(userData: string): string {
  return join(userData, 'projects', 'default');
}
