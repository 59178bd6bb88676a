import { parseArgs } from 'node:util';
import { graphToItem, itemToGraphCreate } from '../src/convert/graph/index.js';
import { icsToItem, itemToIcs } from '../src/convert/ical/index.js';
import { MIX, buildMix } from './mix.js';
import { measure, table } from './measure.js';

/**
 * `npm run bench`: conversions per second each way on a realistic mix (issue 3 target: ≥ 20,000
 * events/s on one core). Prints a table; with --check, exits 1 when a direction is below target.
 *   --events N   size of the mix (default 2000)   --seconds S   time per direction (default 3)
 */
const TARGET = 20_000;

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    events: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
  },
});
const count = Number(values.events);
const seconds = Number(values.seconds);

const inputs = buildMix(count, Number(values.seed));
const graphToIcs = measure('Graph → model → ICS', inputs, (input) => itemToIcs(graphToItem(input).item), seconds);
const icsToGraph = measure('ICS → model → Graph payload', graphToIcs.outputs, (ics) => itemToGraphCreate(icsToItem(ics).item), seconds);
const rows = [graphToIcs.measurement, icsToGraph.measurement];
// Where the time goes: each stage alone, fed with the previous stage's outputs.
const toModel = measure('  stage Graph → model', inputs, (input) => graphToItem(input).item, seconds / 2);
const toIcs = measure('  stage model → ICS', toModel.outputs, (item) => itemToIcs(item), seconds / 2);
const fromIcs = measure('  stage ICS → model', toIcs.outputs, (ics) => icsToItem(ics).item, seconds / 2);
const toGraph = measure('  stage model → Graph payload', fromIcs.outputs, (item) => itemToGraphCreate(item), seconds / 2);
const stages = [toModel, toIcs, fromIcs, toGraph].map((m) => m.measurement);

process.stdout.write(`mix of ${count} events: ${MIX.map(([k, share]) => `${k} ${Math.round(share * 100)}%`).join(', ')}; node ${process.version}, one thread\n\n`);
process.stdout.write(`${table([...rows, ...stages], TARGET)}\n`);
const below = rows.filter((r) => r.eventsPerSecond < TARGET);
if (values.check && below.length > 0) {
  process.stderr.write(`below the target of ${TARGET} events/s: ${below.map((r) => r.name).join(', ')}\n`);
  process.exitCode = 1;
}
