import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_PREFIX, COMMAND_CHANNEL, operationNames, type WorkbenchBridge } from '../../shared/ipc';

// Electron's modules exist only inside Electron: stand-ins record what the preload does with them.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

describe('the preload', () => {
  beforeEach(async () => {
    await import('../../electron/app/preload');
  });

  it('exposes only window.workbench, with one method per operation and a command subscription', () => {
    expect(Object.keys(exposed)).toEqual(['workbench']);
    const bridge = exposed.workbench as WorkbenchBridge;
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onCommand']);
    expect(Object.keys(bridge.api).sort()).toEqual([...operationNames].sort());
  });

  it('sends each call on its own channel, with its input and nothing else', async () => {
    const bridge = exposed.workbench as WorkbenchBridge;
    await bridge.api.removeSegment({ segmentId: 'x' });
    expect(invoke).toHaveBeenLastCalledWith(`${CHANNEL_PREFIX}removeSegment`, { segmentId: 'x' });
  });

  it('passes on only the known menu commands', () => {
    const bridge = exposed.workbench as WorkbenchBridge;
    const received: string[] = [];
    const stop = bridge.onCommand((command) => received.push(command));
    const listener = listeners.get(COMMAND_CHANNEL)!;
    listener({}, 'export-csv');
    listener({}, 'rm -rf');
    listener({}, { command: 'export-csv' });
    expect(received).toEqual(['export-csv']);
    stop();
    expect(listeners.has(COMMAND_CHANNEL)).toBe(false);
  });
});
