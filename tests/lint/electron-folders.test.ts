/** The rules of electron/'s folders (tests/lint/layering.ts): the tree keeps them, and each can fail. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronFolderViolation, importsBreaking } from './layering';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

describe("electron/'s folders", () => {
  it('import each other only as their rules allow', () => {
    expect(importsBreaking(root, 'electron', (file, specifier) => electronFolderViolation(root, file, specifier))).toEqual([]);
  });

  it('flag each import that breaks a rule', () => {
    const inProject = join(root, 'electron', 'project', 'project-store.ts');
    const inServices = join(root, 'electron', 'services', 'coder-exchange.ts');
    const inHandlers = join(root, 'electron', 'handlers', 'segments.ts');
    const inPreview = join(root, 'electron', 'preview', 'preview.ts');
    expect(electronFolderViolation(root, inProject, '../handlers/handlers')).toMatch(/electron\/project may not import electron\/handlers/);
    expect(electronFolderViolation(root, inProject, '../app/window')).not.toBeNull();
    expect(electronFolderViolation(root, inServices, '../preview/preview-server')).toMatch(/electron\/services may not import electron\/preview/);
    expect(electronFolderViolation(root, inHandlers, '../cli/arguments')).not.toBeNull();
    expect(electronFolderViolation(root, inPreview, '../app/trusted-sender')).toMatch(/only electron\/app imports electron\/app/);
    expect(electronFolderViolation(root, inPreview, '../cli/commands')).toMatch(/only electron\/cli imports electron\/cli/);
    // What the rules allow.
    expect(electronFolderViolation(root, inProject, './save-loop')).toBeNull();
    expect(electronFolderViolation(root, inHandlers, '../project/project-store')).toBeNull();
    expect(electronFolderViolation(root, inPreview, '../handlers/dispatch')).toBeNull();
    expect(electronFolderViolation(root, inProject, '../../shared/result')).toBeNull();
    expect(electronFolderViolation(root, inProject, 'lowdb')).toBeNull();
  });
});
