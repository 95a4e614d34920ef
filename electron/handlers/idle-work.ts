/**
 * Work the main process does for an open project while the page asks nothing of it: results a
 * view will need (the coded-segments view's order of 100,000 segments) made ahead, so that the
 * view's first open does not wait for them. The work comes as steps (an iterator, each `next()`
 * a small part of it); it begins only once no call has come for a quiet while, runs its steps
 * a few milliseconds at a time, and after a call has come waits for the next quiet while before
 * it goes on. So a call waits at most for the slice under way.
 */

/** A piece of idle work: its steps, made when it begins (so that it reads the project as it is then). */
export type IdleTask = () => Iterator<unknown, unknown>;

export interface IdleWorkOptions {
  /** How long no call must have come before work begins or goes on, in ms. */
  quietMs?: number;
  /** How long work runs before it lets the event loop answer what has come, in ms. */
  sliceMs?: number;
  /** Told of a step that threw (the task is then dropped); idle work never fails a call. */
  onError?: (name: string, error: unknown) => void;
}

/** Half a second: longer than the pauses between the calls of the page's own start. */
const QUIET_MS = 500;
const SLICE_MS = 8;

export class IdleWork {
  private readonly quietMs: number;
  private readonly sliceMs: number;
  private readonly onError: (name: string, error: unknown) => void;
  /** Tasks waiting for their turn, by name, in the order they were first asked for. */
  private readonly waiting = new Map<string, IdleTask>();
  /** The task under way, with its steps. */
  private running: { name: string; steps: Iterator<unknown, unknown> } | null = null;
  private lastCall = performance.now();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate: ReturnType<typeof setImmediate> | null = null;
  private closed = false;

  constructor(options: IdleWorkOptions = {}) {
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.onError = options.onError ?? (() => {});
  }

  /** A call has come: work waits until none has come for a quiet while. */
  touch(): void {
    this.lastCall = performance.now();
  }

  /**
   * Asks for a task to run when the project is idle. A task of the same name waiting or under
   * way is replaced (begun afresh, over the project as it will be then).
   */
  schedule(name: string, task: IdleTask): void {
    if (this.closed) return;
    if (this.running?.name === name) this.running = null;
    this.waiting.delete(name);
    this.waiting.set(name, task);
    this.wake();
  }

  /** True while a task waits or is under way. */
  get busy(): boolean {
    return this.running !== null || this.waiting.size > 0;
  }

  /** Drops every task and stops (the project is closed). */
  close(): void {
    this.closed = true;
    this.waiting.clear();
    this.running = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = this.immediate = null;
  }

  /** Runs a slice now if the quiet while has passed, else waits until it will have. */
  private wake(): void {
    if (this.closed || this.timer || this.immediate || !this.busy) return;
    const waited = performance.now() - this.lastCall;
    if (waited >= this.quietMs) {
      this.immediate = setImmediate(() => {
        this.immediate = null;
        // A call may have come since this slice was asked for: it waits for the next quiet while.
        if (performance.now() - this.lastCall < this.quietMs) this.wake();
        else this.slice();
      });
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wake();
    }, this.quietMs - waited);
    // Idle work never keeps a process (the command line's, say) alive.
    this.timer.unref?.();
  }

  /** Runs steps (one at least) for up to `sliceMs`, then lets the event loop answer calls before going on. */
  private slice(): void {
    const until = performance.now() + this.sliceMs;
    do {
      if (!this.running) {
        const next = this.waiting.entries().next();
        if (next.done) break;
        const [name, task] = next.value;
        this.waiting.delete(name);
        try {
          this.running = { name, steps: task() };
        } catch (error) {
          this.onError(name, error);
          continue;
        }
      }
      const { name, steps } = this.running;
      try {
        if (steps.next().done && this.running?.steps === steps) this.running = null;
      } catch (error) {
        if (this.running?.steps === steps) this.running = null;
        this.onError(name, error);
      }
    } while (!this.closed && performance.now() < until);
    this.wake();
  }
}
