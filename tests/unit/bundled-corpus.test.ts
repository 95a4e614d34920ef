import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The research texts ship byte for byte: any change to a file changes its hash.
const SHIPPED: Record<string, string> = {
  '000_a75649aa49571916.txt': 'ae12254e6d37ee79782b1739bf9396f7dc8025b9fbe5c8e94f98e63da86fb44b',
  '001_b754461076061955.txt': 'e83c1e2e7ddf74e9f789d359fc851d54c564bd95576b9db130ce006bac618b81',
  '002_f41b9e55370eb6ec.txt': '634d1fb895dbe7cbadc3d41bbf21d56427d6386a5962b48f72071a7e04730515',
  '003_e25191a468b98949.txt': '4265a8dbe81d7e86b3e06550b06365d322b2432d4197d293324d04c2a37021aa',
  '004_37352b9075273400.txt': '3dad61475e9bc608e60acc1ad30141c65c6790e2e9ecdf08c4fb542cfa4946a3',
};

describe('the bundled corpus', () => {
  it('is the five texts, unchanged', () => {
    const folder = new URL('../../documents/', import.meta.url);
    expect(readdirSync(folder).sort()).toEqual(Object.keys(SHIPPED));
    for (const [file, sha256] of Object.entries(SHIPPED)) {
      expect(createHash('sha256').update(readFileSync(new URL(file, folder))).digest('hex'), file).toBe(sha256);
    }
  });
});
