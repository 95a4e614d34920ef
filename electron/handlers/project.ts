/** Handlers of the project itself: its overview, the coder, blind coding, and choosing a folder. */
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';

export function projectHandlers({ store, services }: HandlerContext): Pick<Handlers, 'getProject' | 'setCoder' | 'setBlind' | 'chooseFolder'> {
  return {
    getProject: () => store.overview(),
    setCoder: async ({ name }) => ({ coder: await store.setCoder(name) }),
    setBlind: async ({ blind }) => ({ blind: await store.setBlind(blind) }),
    chooseFolder: async ({ purpose }) => {
      if (!services.chooseFolder) return { folder: null, available: false };
      const title = purpose === 'shared-folder' ? 'Choose the shared folder of the coders' : 'Choose a folder';
      return { folder: await services.chooseFolder(title), available: true };
    },
  };
}
