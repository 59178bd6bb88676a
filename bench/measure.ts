/** Throughput and memory of one conversion step over a batch of inputs, on the calling thread (one core). */

export interface Measurement {
  readonly name: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Heap growth while the step ran (outputs kept alive), MiB. */
  readonly heapDeltaMiB: number;
  readonly rssMiB: number;
}

const MiB = 1024 * 1024;

/** Runs `step` over `inputs` repeatedly for at least `minSeconds` (after one warm-up pass). */
export function measure<I, O>(name: string, inputs: readonly I[], step: (input: I) => O, minSeconds: number): { measurement: Measurement; outputs: O[] } {
  let kept = inputs.map(step); // warm-up: JIT, zone caches
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let events = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minSeconds) {
    kept = inputs.map(step);
    events += inputs.length;
    elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  }
  // Read while the last pass's outputs are still referenced (they are returned), so they count.
  const heapDeltaMiB = (process.memoryUsage().heapUsed - heapBefore) / MiB;
  const measurement: Measurement = {
    name,
    events,
    seconds: elapsed,
    eventsPerSecond: events / elapsed,
    heapDeltaMiB,
    rssMiB: process.memoryUsage().rss / MiB,
  };
  return { measurement, outputs: kept };
}

export function table(rows: readonly Measurement[], target: number): string {
  const header = ['direction', 'events', 'seconds', 'events/s', 'target', 'heap Δ MiB', 'rss MiB'];
  const lines = rows.map((r) => [
    r.name,
    String(r.events),
    r.seconds.toFixed(2),
    Math.round(r.eventsPerSecond).toLocaleString('en-US'),
    r.eventsPerSecond >= target ? 'ok' : 'BELOW',
    r.heapDeltaMiB.toFixed(1),
    r.rssMiB.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}
