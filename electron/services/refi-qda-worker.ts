/**
 * The worker thread of REFI-QDA exchange (see refi-qda-thread.ts): it zips a dataset into a
 * `.qdpx`, or reads a bundle and then plans its import against the project as the main process
 * describes it. Between the two steps of an import it keeps what it read, so the selections of
 * 100,000 segments never cross back to the main process; only the plan's changes do, packed.
 * The thread serves one job after another (see ExchangeWorkers); what a reading kept is dropped
 * when its job ends.
 */
import { createHash, randomUUID } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { planProjectImport, type ResolvedSource } from '../../shared/exchange/refi-qda/project-import';
import { WorkbenchFailure } from '../../shared/model/failure';
import { newCodeId, qdpxBytes, readQdpx, WRITING_SEGMENTS, type ReadBundle } from './refi-qda';
import type { ExchangeReply, ExchangeRequest } from './refi-qda-thread';
import { packChanges, unpackSegments } from './segment-columns';

const port = parentPort!;
/** How many coded segments are written between two reports of progress. */
const PROGRESS_EVERY = 1_000;

let bundle: ReadBundle | null = null;

const say = (reply: ExchangeReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

async function answer(request: ExchangeRequest): Promise<void> {
  switch (request.kind) {
    case 'export': {
      const texts = new Map(request.dataset.documents.map(({ record, text }) => [record.id, text]));
      const segments = 'packed' in request.segments ? unpackSegments(request.segments.packed, (id) => texts.get(id) ?? '') : request.segments.plain;
      const dataset = { ...request.dataset, segments };
      const total = segments.length;
      const phase = WRITING_SEGMENTS;
      let done = 0;
      say({ kind: 'progress', phase, done, total });
      const bytes = await qdpxBytes(dataset, request.options, {
        onSegment: () => {
          if (++done % PROGRESS_EVERY === 0 || done === total) say({ kind: 'progress', phase, done, total });
        },
      });
      // The bytes move to the main process instead of being copied, when they own their buffer.
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      say({ kind: 'exported', bytes }, owned ? [bytes.buffer as ArrayBuffer] : []);
      return;
    }
    case 'read': {
      bundle = readQdpx(request.name, request.bytes);
      say({
        kind: 'read',
        projectName: bundle.project.name,
        notes: bundle.notes,
        sha256: createHash('sha256').update(request.bytes).digest('hex'),
        sources: bundle.sources.map(({ source, text, problem }) => ({ name: source.name, text, problem })),
      });
      return;
    }
    case 'forget': {
      // The job that read the file has ended: the thread waits for the next job without it.
      bundle = null;
      return;
    }
    case 'plan': {
      if (!bundle) throw new Error('a plan was asked for before the file was read');
      const read = bundle;
      const resolved: ResolvedSource[] = request.sources.map(({ sources, document, isNew }) => {
        const [first, ...more] = sources.map((i) => read.sources[i]!);
        // The same text twice in one file: the selections of the later sources join the first.
        const source = more.length
          ? { ...first!.source, selections: [first!.source, ...more.map((m) => m.source)].flatMap((s) => s.selections), codings: [first!.source, ...more.map((m) => m.source)].flatMap((s) => s.codings) }
          : first!.source;
        return { source, document, text: first!.text!, isNew };
      });
      const { changes, ...plan } = planProjectImport(read.project, resolved, request.target, { now: request.now, newCodeId, newSegmentId: randomUUID });
      const texts = new Map(resolved.map(({ document, text }) => [document.id, text]));
      const { packed, transfer } = packChanges(changes, (id) => texts.get(id) ?? '');
      say({ kind: 'planned', plan, changes: packed }, transfer);
      return;
    }
  }
}

port.on('message', (request: ExchangeRequest) => {
  answer(request).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    say({ kind: 'failed', code: error instanceof WorkbenchFailure ? error.code : null, message });
  });
});
