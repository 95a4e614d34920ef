/**
 * What the REFI-QDA thread's wrapper does with what its thread says, with a stand-in thread: an
 * answer that cannot be read fails the request under way, and progress that arrives after the
 * wrapper was closed is no longer the job's; and which thread each job gets: the one the last job
 * left, unless that one was stopped by a cancel, failed or ended.
 */
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { Job } from '../../electron/services/jobs';
import { cancelledFailure } from '../../electron/services/jobs';
import { ExchangeThread, ExchangeWorkers } from '../../electron/services/refi-qda-thread';

/** A thread that takes requests and says only what the test makes it say. */
class StandInThread extends EventEmitter {
  requests: Array<{ kind: string }> = [];
  terminated = false;
  /** Whether the thread would keep the process alive. */
  referenced = true;
  postMessage(request: { kind: string }): void {
    this.requests.push(request);
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
  ref(): void {
    this.referenced = true;
  }
  unref(): void {
    this.referenced = false;
  }
}

/** Threads that are stand-ins, each kept in `made` as it is started. */
function standIns(): { workers: ExchangeWorkers; made: StandInThread[] } {
  const made: StandInThread[] = [];
  const workers = new ExchangeWorkers(() => {
    const stand = new StandInThread();
    made.push(stand);
    return stand as unknown as Worker;
  });
  return { workers, made };
}

/** Asks `thread` for a reading and has `stand` answer it. */
async function readThrough(thread: ExchangeThread, stand: StandInThread) {
  const asking = thread.ask({ kind: 'read', name: 'study.qdpx', bytes: new Uint8Array() });
  stand.emit('message', { kind: 'read', projectName: 'Study', notes: [], sha256: '', sources: [] });
  return asking;
}

describe('the REFI-QDA thread wrapper', () => {
  it('fails the request under way when the thread’s answer cannot be read, and stops the thread', async () => {
    const stand = new StandInThread();
    const thread = new ExchangeThread(new Job(), new ExchangeWorkers(() => stand as unknown as Worker));
    const asking = thread.ask({ kind: 'read', name: 'study.qdpx', bytes: new Uint8Array() });
    expect(stand.requests).toHaveLength(1);
    stand.emit('messageerror', new Error('could not deserialize'));
    await expect(asking).rejects.toThrow("the REFI-QDA worker's answer could not be read (could not deserialize)");
    expect(stand.terminated).toBe(true);
    thread.close();
  });

  it('leaves the job’s progress alone once it is closed', async () => {
    const stand = new StandInThread();
    const job = new Job();
    const thread = new ExchangeThread(job, new ExchangeWorkers(() => stand as unknown as Worker));
    stand.emit('message', { kind: 'progress', phase: 'Writing', done: 5, total: 10 });
    expect(job.progress).toEqual({ phase: 'Writing', done: 5, total: 10 });
    thread.close();
    job.report('Saving', 0, 1);
    stand.emit('message', { kind: 'progress', phase: 'Writing', done: 10, total: 10 });
    expect(job.progress).toEqual({ phase: 'Saving', done: 0, total: 1 });
  });

  it('gives two jobs in a row one thread, which keeps the process alive only while a job uses it', async () => {
    const { workers, made } = standIns();
    const first = new ExchangeThread(new Job(), workers);
    expect(made[0]!.referenced).toBe(true);
    await expect(readThrough(first, made[0]!)).resolves.toMatchObject({ kind: 'read', projectName: 'Study' });
    first.close();
    expect(made[0]!.terminated).toBe(false);
    expect(made[0]!.referenced).toBe(false);
    // What the reading kept is dropped once its job has ended.
    expect(made[0]!.requests.map((request) => request.kind)).toEqual(['read', 'forget']);

    const second = new ExchangeThread(new Job(), workers);
    expect(made[0]!.referenced).toBe(true);
    await expect(readThrough(second, made[0]!)).resolves.toMatchObject({ kind: 'read' });
    second.close();
    expect(made).toHaveLength(1);
    expect(workers.started).toBe(1);
    workers.end();
    expect(made[0]!.terminated).toBe(true);
  });

  it('ends a cancelled job’s thread, and the next job works in a fresh one', async () => {
    const { workers, made } = standIns();
    const job = new Job();
    const cancelled = new ExchangeThread(job, workers);
    const asking = cancelled.ask({ kind: 'read', name: 'study.qdpx', bytes: new Uint8Array() });
    job.cancel();
    await expect(asking).rejects.toThrow(cancelledFailure().message);
    cancelled.close();
    expect(made[0]!.terminated).toBe(true);

    const next = new ExchangeThread(new Job(), workers);
    expect(made).toHaveLength(2);
    await expect(readThrough(next, made[1]!)).resolves.toMatchObject({ kind: 'read', projectName: 'Study' });
    next.close();
    expect(made[1]!.terminated).toBe(false);
  });

  it('does not keep a thread that failed during its job, nor one that ended while it waited', async () => {
    const { workers, made } = standIns();
    const failing = new ExchangeThread(new Job(), workers);
    const asking = failing.ask({ kind: 'read', name: 'study.qdpx', bytes: new Uint8Array() });
    made[0]!.emit('error', new Error('out of memory'));
    await expect(asking).rejects.toThrow('out of memory');
    failing.close();
    expect(made[0]!.terminated).toBe(true);

    const kept = new ExchangeThread(new Job(), workers);
    await readThrough(kept, made[1]!);
    kept.close();
    made[1]!.emit('exit', 1);
    const after = new ExchangeThread(new Job(), workers);
    expect(made).toHaveLength(3);
    after.close();
  });

  it('ends a thread whose job closed it with a request still under way', () => {
    const { workers, made } = standIns();
    const thread = new ExchangeThread(new Job(), workers);
    void thread.ask({ kind: 'read', name: 'study.qdpx', bytes: new Uint8Array() }).catch(() => {});
    thread.close();
    expect(made[0]!.terminated).toBe(true);
    new ExchangeThread(new Job(), workers).close();
    expect(made).toHaveLength(2);
  });
});
