/**
 * `npm run bench:heap`: what fills the JS heap of the action popup, against the floor (see
 * bench/floor.ts), at 20 and 180 cookies in Chromium. The bench says how big the heap is after a
 * forced GC; this says what it is: a heap snapshot of each page, its self sizes summed by V8's node
 * type (compiled code, strings, arrays, closures, ...) and the largest object kinds by constructor.
 * `-- --no-build` skips the build.
 */
import type { CDPSession } from 'puppeteer';
import { type PopupKind, withPopupLab } from './bench/popup-lab';
import { popupStore } from './bench/seed';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Self sizes summed per node type, and per constructor name for objects and closures. */
export interface HeapBreakdown {
  total: number;
  byType: Map<string, number>;
  byName: Map<string, number>;
}

export function breakdown(snap: Snapshot): HeapBreakdown {
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const byType = new Map<string, number>();
  const byName = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt] ?? 0] ?? '?';
    const size = snap.nodes[i + sizeAt] ?? 0;
    total += size;
    byType.set(type, (byType.get(type) ?? 0) + size);
    if (type === 'object' || type === 'closure' || type === 'native') {
      const key = `${type} ${snap.strings[snap.nodes[i + nameAt] ?? 0] ?? '?'}`;
      byName.set(key, (byName.get(key) ?? 0) + size);
    }
  }
  return { total, byType, byName };
}

async function heapSnapshot(session: CDPSession): Promise<Snapshot> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return JSON.parse(chunks.join('')) as Snapshot;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  await withPopupLab(async ({ store, floor, ours, open }) => {
    const snapshot = async (kind: PopupKind, rows: number) => {
      const { target, popup } = await open(kind, rows);
      // Everything the page does after its first screen (the rest of the rows, idle loads) is done.
      await new Promise((r) => setTimeout(r, 1500));
      const cdp = await target.createCDPSession();
      const heap = breakdown(await heapSnapshot(cdp));
      await cdp.detach();
      await popup.close();
      return heap;
    };

    for (const n of [20, 180]) {
      await store.fill(popupStore('localhost', n));
      const bare = await snapshot(floor, n);
      const lens = await snapshot(ours, n);
      console.log(`\npopup, ${n} cookies: heap snapshot ${kb(bare.total)} (floor) / ${kb(lens.total)} (Cookie Lens)`);
      console.log('| node type | floor | Cookie Lens | difference |\n|---|---|---|---|');
      const types = [...new Set([...bare.byType.keys(), ...lens.byType.keys()])];
      const diff = (k: string) => (lens.byType.get(k) ?? 0) - (bare.byType.get(k) ?? 0);
      for (const k of types.sort((a, b) => diff(b) - diff(a)))
        console.log(`| ${k} | ${kb(bare.byType.get(k) ?? 0)} | ${kb(lens.byType.get(k) ?? 0)} | ${kb(diff(k))} |`);
      const names = [...lens.byName.entries()]
        .map(([k, v]) => [k, v - (bare.byName.get(k) ?? 0)] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12);
      console.log(`largest object kinds beyond the floor: ${names.map(([k, v]) => `${k} ${kb(v)}`).join('; ')}`);
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
