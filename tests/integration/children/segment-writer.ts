/**
 * A child process for the crash test: opens the project in argv[2] and adds 1,000 segments, some
 * one at a time and some several at once, printing `ack <id>` for each only after the store has
 * acknowledged it (that is, after it is durable). The parent kills it with SIGKILL at random.
 * A third argument rewrites the project file after that many journal records (while segments go
 * on being added), so that kills also land during those rewrites.
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { ProjectStore } from '../../../electron/project/project-store';

async function main(): Promise<void> {
  const [folder, bundledDocuments, compactAfter] = process.argv.slice(2);
  const store = await ProjectStore.open({ folder, bundledDocuments, coder: 'crash-test', compactAfter: compactAfter ? Number(compactAfter) : undefined });
  const document = store.overview().documents.at(-1)!;
  const { text } = await store.openDocument(document.id);
  const codes = ['factual-claim', 'opinion', 'call-to-action'];
  writeSync(1, 'ready\n');

  let made = 0;
  async function addOne(): Promise<void> {
    const start = Math.floor(Math.random() * (text.length - 200));
    let end = start + 1 + Math.floor(Math.random() * 150);
    while (!/\S/.test(text.slice(start, end))) end++;
    const segment = await store.addSegment({
      id: randomUUID(),
      documentId: document.id,
      codeId: codes[made++ % 3],
      start,
      end,
    });
    writeSync(1, `ack ${segment.id}\n`);
  }

  for (let i = 0; i < 1000; ) {
    const batch = i % 7 === 0 ? 5 : 1; // now and then several changes while a write is under way
    await Promise.all(Array.from({ length: Math.min(batch, 1000 - i) }, addOne));
    i += batch;
  }
  writeSync(1, 'done\n');
}

void main();
