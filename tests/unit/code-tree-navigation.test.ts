/** The codebook tree's keyboard (ARIA tree pattern) over plain codes, without a page. */
import { describe, expect, it } from 'vitest';
import type { Code } from '../../shared/model/codebook';
import { treeMove, visibleCodeRows } from '../../renderer/components/codebook/code-tree-navigation';

const code = (id: string, parentId: string | null = null): Code => ({
  id,
  name: id.replace(/-/g, ' '),
  colour: '#336699',
  description: '',
  definition: '',
  whenToUse: '',
  whenNotToUse: '',
  example: '',
  key: null,
  parentId,
});

// claim › casualties › civilians, claim › territory; opinion; call
const codes = [code('claim'), code('casualties', 'claim'), code('civilians', 'casualties'), code('territory', 'claim'), code('opinion'), code('call')];
const ids = (collapsed: string[] = []) => visibleCodeRows(codes, new Set(collapsed)).map((row) => row.code.id);

describe('the codebook tree', () => {
  it('lists codes in tree order with their level, parent, place among siblings and whether they are expanded', () => {
    const rows = visibleCodeRows(codes, new Set());
    expect(rows.map((r) => [r.code.id, r.level, r.parentId, r.hasChildren, r.expanded, r.position, r.siblings])).toEqual([
      ['claim', 1, null, true, true, 1, 3],
      ['casualties', 2, 'claim', true, true, 1, 2],
      ['civilians', 3, 'casualties', false, false, 1, 1],
      ['territory', 2, 'claim', false, false, 2, 2],
      ['opinion', 1, null, false, false, 2, 3],
      ['call', 1, null, false, false, 3, 3],
    ]);
  });

  it('hides the sub-codes of a collapsed code, at every depth', () => {
    expect(ids(['casualties'])).toEqual(['claim', 'casualties', 'territory', 'opinion', 'call']);
    expect(ids(['claim'])).toEqual(['claim', 'opinion', 'call']);
  });

  it('moves up and down through the visible codes, and to the first and last with Home and End', () => {
    const rows = visibleCodeRows(codes, new Set(['casualties']));
    expect(treeMove(rows, 'casualties', 'ArrowDown')).toEqual({ kind: 'focus', id: 'territory' });
    expect(treeMove(rows, 'territory', 'ArrowUp')).toEqual({ kind: 'focus', id: 'casualties' });
    expect(treeMove(rows, 'claim', 'ArrowUp')).toBeNull();
    expect(treeMove(rows, 'call', 'ArrowDown')).toBeNull();
    expect(treeMove(rows, 'territory', 'Home')).toEqual({ kind: 'focus', id: 'claim' });
    expect(treeMove(rows, 'territory', 'End')).toEqual({ kind: 'focus', id: 'call' });
  });

  it('expands with Right, then goes to the first sub-code; collapses with Left, then goes to the parent', () => {
    const collapsed = visibleCodeRows(codes, new Set(['casualties']));
    expect(treeMove(collapsed, 'casualties', 'ArrowRight')).toEqual({ kind: 'expand', id: 'casualties' });
    expect(treeMove(collapsed, 'casualties', 'ArrowLeft')).toEqual({ kind: 'focus', id: 'claim' });
    const open = visibleCodeRows(codes, new Set());
    expect(treeMove(open, 'casualties', 'ArrowRight')).toEqual({ kind: 'focus', id: 'civilians' });
    expect(treeMove(open, 'casualties', 'ArrowLeft')).toEqual({ kind: 'collapse', id: 'casualties' });
    expect(treeMove(open, 'civilians', 'ArrowLeft')).toEqual({ kind: 'focus', id: 'casualties' });
    expect(treeMove(open, 'opinion', 'ArrowRight')).toBeNull();
    expect(treeMove(open, 'opinion', 'ArrowLeft')).toBeNull();
  });

  it('goes to the next code starting with a typed letter, wrapping round', () => {
    const rows = visibleCodeRows(codes, new Set());
    expect(treeMove(rows, 'claim', 'c')).toEqual({ kind: 'focus', id: 'casualties' });
    expect(treeMove(rows, 'casualties', 'C')).toEqual({ kind: 'focus', id: 'civilians' });
    expect(treeMove(rows, 'call', 'c')).toEqual({ kind: 'focus', id: 'claim' });
    expect(treeMove(rows, 'claim', 'x')).toBeNull();
  });
});
