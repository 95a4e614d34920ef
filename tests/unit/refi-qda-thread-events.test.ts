/**
 * What the REFI-QDA thread's wrapper does with what its thread says, with a stand-in thread: an
 * answer that cannot be read fails the request under way, and progress that arrives after the
 * wrapper was closed is no longer the job's.
 */
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { Job } from '../../electron/services/jobs';
import { ExchangeThread } from '../../electron/services/refi-qda-thread';

/** A thread that takes requests and says only what the test makes it say. */
class StandInThread extends EventEmitter {
  requests: unknown[] = [];
  terminated = false;
  postMessage(request: unknown): void {
    this.requests.push(request);
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
}

describe('the REFI-QDA thread wrapper', () => {
  it('fails the request under way when the thread’s answer cannot be read, and stops the thread', async () => {
    const stand = new StandInThread();
    const thread = new ExchangeThread(new Job(), () => stand as unknown as Worker);
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
    const thread = new ExchangeThread(job, () => stand as unknown as Worker);
    stand.emit('message', { kind: 'progress', phase: 'Writing', done: 5, total: 10 });
    expect(job.progress).toEqual({ phase: 'Writing', done: 5, total: 10 });
    thread.close();
    job.report('Saving', 0, 1);
    stand.emit('message', { kind: 'progress', phase: 'Writing', done: 10, total: 10 });
    expect(job.progress).toEqual({ phase: 'Saving', done: 0, total: 1 });
  });
});
