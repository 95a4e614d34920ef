// The page's side of the desktop menu (renderer/commands/menu.ts): every command the main process
// may send has an action in the page, and a command the page does not know is not acted on.
import { beforeAll, describe, expect, it } from 'vitest';
import { commandNames } from '../../shared/ipc/commands';
import { EXPORT_FORMATS } from '../../shared/ipc/export-formats';

let menu: typeof import('../../renderer/commands/menu');

beforeAll(async () => {
  // The desktop app's page: the preload has put the bridge on window.workbench.
  const storage = { getItem: () => null, setItem: () => undefined };
  Object.assign(globalThis, { window: { workbench: { api: {}, onCommand: () => () => undefined } }, sessionStorage: storage, localStorage: storage });
  menu = await import('../../renderer/commands/menu');
});

describe("the page's menu commands", () => {
  it('have an action for every command the main process may send, and for no other', () => {
    expect(Object.keys(menu.MENU_COMMANDS).sort()).toEqual([...commandNames].sort());
    for (const name of commandNames) expect(typeof menu.MENU_COMMANDS[name]).toBe('function');
  });

  it("include every export format's menu command", () => {
    const exportCommands = EXPORT_FORMATS.flatMap((format) => (format.menu ? [format.menu.command] : []));
    expect(exportCommands.length).toBeGreaterThan(0);
    for (const command of exportCommands) expect(Object.keys(menu.MENU_COMMANDS)).toContain(command);
  });

  it('ignore a name that is not a command, even one every object has', () => {
    for (const name of ['rm -rf', 'toString', 'constructor', '__proto__']) {
      expect(() => menu.runMenuCommand(name as never)).not.toThrow();
    }
  });
});
