/**
 * Idle work: begun only once no call has come for a quiet while, run a slice at a time, held
 * back by a call, replaced when asked for again, and dropped when the project closes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleWork } from '../../electron/handlers/idle-work';

/** Timers and the clock the idle work reads (performance.now), under the test's hand. */
const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });

afterEach(() => {
  vi.useRealTimers();
});

/** A task of `count` steps that writes each step it takes into `log`. */
function* counted(log: string[], name: string, count: number): Generator<void, void> {
  for (let step = 1; step <= count; step++) {
    log.push(`${name}${step}`);
    yield;
  }
}

describe('idle work', () => {
  it('waits for the quiet while after the last call, then runs every step', async () => {
    fakeClock();
    const idle = new IdleWork({ quietMs: 500 });
    const log: string[] = [];
    idle.touch();
    idle.schedule('order', () => counted(log, 'a', 3));
    await vi.advanceTimersByTimeAsync(300);
    idle.touch(); // a call: the quiet while begins again
    await vi.advanceTimersByTimeAsync(400);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(log).toEqual(['a1', 'a2', 'a3']);
    expect(idle.busy).toBe(false);
  });

  it('goes on after a call only once the next quiet while has passed', async () => {
    fakeClock();
    // A slice of no time at all: one step each.
    const idle = new IdleWork({ quietMs: 100, sliceMs: 0 });
    const log: string[] = [];
    idle.schedule('order', function* () {
      log.push('a1');
      idle.touch(); // a call comes while the first slice runs
      yield;
      yield* counted(log, 'a', 3);
    });
    await vi.advanceTimersByTimeAsync(101);
    expect(log).toEqual(['a1']);
    await vi.advanceTimersByTimeAsync(50);
    expect(log).toEqual(['a1']);
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toEqual(['a1', 'a1', 'a2', 'a3']);
  });

  it('begins a task asked for again afresh, and drops everything when closed', async () => {
    fakeClock();
    const idle = new IdleWork({ quietMs: 100, sliceMs: 0 });
    const log: string[] = [];
    idle.schedule('order', function* () {
      log.push('a1');
      // Asked for again (a change was made) while under way.
      idle.schedule('order', () => counted(log, 'b', 2));
      yield;
      log.push('a2');
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log).toEqual(['a1', 'b1', 'b2']);
    idle.schedule('order', () => counted(log, 'c', 2));
    idle.close();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log).toEqual(['a1', 'b1', 'b2']);
    expect(idle.busy).toBe(false);
  });

  it('drops a task whose step throws, says so, and goes on with the next', async () => {
    fakeClock();
    const failures: string[] = [];
    const idle = new IdleWork({ quietMs: 100, onError: (name) => failures.push(name) });
    const log: string[] = [];
    idle.schedule('broken', function* () {
      yield;
      throw new Error('no');
    });
    idle.schedule('order', () => counted(log, 'a', 2));
    await vi.advanceTimersByTimeAsync(200);
    expect(failures).toEqual(['broken']);
    expect(log).toEqual(['a1', 'a2']);
  });
});
