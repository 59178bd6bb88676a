import type { Command } from 'commander';
import { isKnownZone } from '../model/instant.js';
import { GRAPH_TO_ICS_EXAMPLES, ICS_TO_GRAPH_EXAMPLES, examplesHelp } from '../convert/cli/examples.js';
import { convertGraphToIcs } from '../convert/cli/graph-to-ics.js';
import { parseHorizon, type Horizon } from '../convert/cli/horizon.js';
import { convertIcsToGraph } from '../convert/cli/ics-to-graph.js';
import { asInputError, oneLine, usageError } from '../convert/cli/input-errors.js';
import { readInput } from '../convert/cli/read-input.js';

/** `calbridge convert`: show how one event maps between Graph and iCalendar (see src/convert, docs/mapping.md). */

const warn = (warnings: readonly string[]): void => {
  for (const w of warnings) process.stderr.write(`calbridge: warning: ${oneLine(w)}\n`);
};

function zoneOption(value: string): string {
  if (!isKnownZone(value)) throw usageError(`--floating-zone "${value}" is not an IANA time zone`);
  return value;
}

export function registerConvertCommand(program: Command): void {
  const convert = program
    .command('convert')
    .description('convert one event between Graph JSON and iCalendar (FILE or stdin → stdout; see docs/mapping.md)');

  convert
    .command('graph-to-ics')
    .description(
      'one Graph event (singleInstance or seriesMaster, as GET returns it, any Prefer zone), or ' +
        '{"master": <event>, "instances": [<events>], "window": {"start": ISO, "end": ISO}} with what /instances ' +
        'returned for that window (an expected occurrence absent from the window is cancelled; type "exception" ' +
        'is an override) → one VCALENDAR',
    )
    .argument('[file]', 'JSON file (default: stdin)')
    .option('--uid <uid>', 'UID when the event has no iCalUId (default: its Graph id, with a warning)')
    .addHelpText('after', examplesHelp(GRAPH_TO_ICS_EXAMPLES, 'output includes the lines'))
    .action(async (file: string | undefined, opts: { uid?: string }) => {
      const text = await readInput(file);
      try {
        const { ics, warnings } = convertGraphToIcs(text, opts);
        warn(warnings);
        process.stdout.write(ics);
      } catch (err) {
        throw asInputError(err, 'graph-to-ics');
      }
    });

  convert
    .command('ics-to-graph')
    .description(
      'one VCALENDAR (one UID with its overrides) → JSON {"master": <Graph create payload>, "exceptions": ' +
        '[{"originalStart": ISO-UTC, "patch": {…}}], "cancelled": [ISO-UTC…], "warnings": […]}; a rule Graph ' +
        'cannot express uses the same envelope with "extraSingles" (see docs/mapping.md). Warnings also go to stderr.',
    )
    .argument('[file]', 'iCalendar file (default: stdin)')
    .option('--include-attendees', 'write attendees as Graph attendees (Exchange emails them); default: a block in the body')
    .option('--horizon <when>', 'how far a rule Graph cannot express is written out: a date, a UTC date-time, or a duration after the start (90d, 2y); default 1 year', parseHorizon)
    .option('--floating-zone <iana>', 'zone for floating times and all-day dates on the Graph side (default UTC)', zoneOption)
    .addHelpText('after', examplesHelp(ICS_TO_GRAPH_EXAMPLES, 'output has'))
    .action(async (file: string | undefined, opts: { includeAttendees?: boolean; horizon?: Horizon; floatingZone?: string }) => {
      const text = await readInput(file);
      try {
        const envelope = convertIcsToGraph(text, opts);
        warn(envelope.warnings);
        process.stdout.write(`${JSON.stringify(envelope, null, 2)}\n`);
      } catch (err) {
        throw asInputError(err, 'ics-to-graph');
      }
    });
}
