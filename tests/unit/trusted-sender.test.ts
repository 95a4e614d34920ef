import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/app/trusted-sender';

describe('IPC sender check', () => {
  it("answers the app's own main frame", () => {
    expect(isTrustedSender({ url: 'app://workbench/index.html', parent: null })).toBe(true);
  });

  it('refuses sub-frames, other origins and look-alikes', () => {
    expect(isTrustedSender({ url: 'app://workbench/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://workbench.evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
