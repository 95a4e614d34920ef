/**
 * Electron main process: starts the app (lifecycle.ts); a failure to start is shown, not swallowed.
 */
import { app, dialog } from 'electron';
import { startDesktopApp } from './lifecycle';

startDesktopApp().catch((error: unknown) => {
  dialog.showErrorBox('Annotation Workbench could not start', error instanceof Error ? error.message : String(error));
  app.quit();
});
