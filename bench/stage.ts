import { graphToItem, itemToGraphCreate } from '../src/convert/graph/index.js';
import { icsToItem, itemToIcs } from '../src/convert/ical/index.js';
import { buildMix } from './mix.js';
/**
 * One conversion stage alone over the bench mix, for profiling:
 *   node --import tsx --cpu-prof bench/stage.ts g2m|m2i|i2m|m2g [seconds]
 * (g2m Graph → model, m2i model → ICS, i2m ICS → model, m2g model → Graph create payload).
 */
const stage = process.argv[2] ?? '';
const seconds = Number(process.argv[3] ?? 4);
const inputs = buildMix(2000, 42);
const items = inputs.map((i) => graphToItem(i).item);
const icss = items.map((i) => itemToIcs(i));
const parsed = icss.map((s) => icsToItem(s).item);
const stages: Record<string, () => unknown> = {
  g2m: () => inputs.map((i) => graphToItem(i)),
  m2i: () => items.map((i) => itemToIcs(i)),
  i2m: () => icss.map((s) => icsToItem(s)),
  m2g: () => parsed.map((i) => itemToGraphCreate(i)),
};
const run = stages[stage];
if (!run) throw new Error(`stage must be one of ${Object.keys(stages).join(', ')}`);
const started = Date.now();
let events = 0;
while (Date.now() - started < seconds * 1000) {
  run();
  events += inputs.length;
}
process.stdout.write(`${stage} ${Math.round(events / ((Date.now() - started) / 1000))} events/s\n`);
