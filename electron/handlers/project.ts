/** Handlers of the project itself: its overview, the coder and blind coding. */
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';

export function projectHandlers({ store }: HandlerContext): Pick<Handlers, 'getProject' | 'setCoder' | 'setBlind'> {
  return {
    getProject: () => store.overview(),
    setCoder: async ({ name }) => ({ coder: await store.setCoder(name) }),
    setBlind: async ({ blind }) => ({ blind: await store.setBlind(blind) }),
  };
}
