/** Choosing the coders' shared folder: the desktop app's dialog where there is one, and a clear "not here" in the preview. */
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/handlers/handlers';
import { openProject } from '../support/project';

describe('choosing a folder', () => {
  it('asks the dialog with a title that says what for, and says when there is no dialog', async () => {
    const { store, handlers } = await openProject();
    expect(await dispatch(handlers, 'chooseFolder', { purpose: 'shared-folder' })).toEqual({ ok: true, value: { folder: null, available: false } });
    const asked: string[] = [];
    const withDialog = createHandlers({
      store,
      chooseSavePath: async () => null,
      chooseFolder: async (title) => {
        asked.push(title);
        return '/srv/coders';
      },
    });
    expect(await dispatch(withDialog, 'chooseFolder', { purpose: 'shared-folder' })).toEqual({ ok: true, value: { folder: '/srv/coders', available: true } });
    expect(asked).toEqual(['Choose the shared folder of the coders']);
    expect(await dispatch(withDialog, 'chooseFolder', { purpose: 'anything' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
