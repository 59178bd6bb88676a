/**
 * The worked examples in `calbridge convert <direction> --help`. They are data so that the help
 * shows exactly what test/cli/convert.test.ts runs: the input, the command, and what the output
 * must contain — iCalendar content lines (unfolded) for graph-to-ics, `path = JSON value` for
 * ics-to-graph.
 */
export interface ConvertExample {
  readonly title: string;
  /** Arguments after `calbridge convert`. */
  readonly args: readonly string[];
  /** stdin: one JSON line, or iCalendar content lines (sent CRLF-joined). */
  readonly input: string | readonly string[];
  readonly expect: readonly string[];
}

const zone = 'W. Europe Standard Time';

export const GRAPH_TO_ICS_EXAMPLES: readonly ConvertExample[] = [
  {
    title: 'A single event in a Windows zone becomes a VEVENT with an IANA TZID and its VTIMEZONE',
    args: ['graph-to-ics'],
    input: JSON.stringify({
      iCalUId: 'ex-single',
      subject: 'Dentist',
      start: { dateTime: '2025-03-03T09:00:00.0000000', timeZone: zone },
      end: { dateTime: '2025-03-03T09:30:00.0000000', timeZone: zone },
      showAs: 'oof',
    }),
    expect: [
      'UID:ex-single',
      'DTSTART;TZID=Europe/Berlin:20250303T090000',
      'DTEND;TZID=Europe/Berlin:20250303T093000',
      'SUMMARY:Dentist',
      'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
      'TZID:Europe/Berlin',
    ],
  },
  {
    title:
      'A series with its /instances for a window: the exception becomes a RECURRENCE-ID override, ' +
      'the occurrence missing from the window an EXDATE',
    args: ['graph-to-ics'],
    input: JSON.stringify({
      master: {
        iCalUId: 'ex-series',
        type: 'seriesMaster',
        subject: 'Standup',
        start: { dateTime: '2025-03-03T09:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2025-03-03T09:15:00.0000000', timeZone: 'UTC' },
        originalStartTimeZone: zone,
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
          range: { type: 'numbered', startDate: '2025-03-03', numberOfOccurrences: 4, recurrenceTimeZone: zone },
        },
      },
      instances: [
        {
          type: 'occurrence',
          originalStart: '2025-03-03T09:00:00Z',
          start: { dateTime: '2025-03-03T09:00:00.0000000', timeZone: 'UTC' },
          end: { dateTime: '2025-03-03T09:15:00.0000000', timeZone: 'UTC' },
        },
        {
          type: 'exception',
          originalStart: '2025-03-10T09:00:00Z',
          subject: 'Standup (moved)',
          start: { dateTime: '2025-03-10T13:00:00.0000000', timeZone: 'UTC' },
          end: { dateTime: '2025-03-10T13:15:00.0000000', timeZone: 'UTC' },
        },
        {
          type: 'occurrence',
          originalStart: '2025-03-24T09:00:00Z',
          start: { dateTime: '2025-03-24T09:00:00.0000000', timeZone: 'UTC' },
          end: { dateTime: '2025-03-24T09:15:00.0000000', timeZone: 'UTC' },
        },
      ],
      window: { start: '2025-03-01T00:00:00Z', end: '2025-04-01T00:00:00Z' },
    }),
    expect: [
      'DTSTART;TZID=Europe/Berlin:20250303T100000',
      'RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=MO;WKST=MO',
      'EXDATE;TZID=Europe/Berlin:20250317T100000',
      'RECURRENCE-ID;TZID=Europe/Berlin:20250310T100000',
      'DTSTART;TZID=Europe/Berlin:20250310T140000',
      'SUMMARY:Standup (moved)',
    ],
  },
];

export const ICS_TO_GRAPH_EXAMPLES: readonly ConvertExample[] = [
  {
    title:
      'A weekly series with a cancelled and a moved occurrence: one POST body, then PATCHes and DELETEs ' +
      'addressed by Graph originalStart (UTC)',
    args: ['ics-to-graph'],
    input: [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//example//EN',
      'BEGIN:VEVENT',
      'UID:ex-weekly',
      'DTSTAMP:20250101T000000Z',
      'DTSTART;TZID=Europe/Berlin:20250303T100000',
      'DTEND;TZID=Europe/Berlin:20250303T101500',
      'SUMMARY:Standup',
      'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20250331T235959Z',
      'EXDATE;TZID=Europe/Berlin:20250317T100000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:ex-weekly',
      'DTSTAMP:20250101T000000Z',
      'RECURRENCE-ID;TZID=Europe/Berlin:20250310T100000',
      'DTSTART;TZID=Europe/Berlin:20250310T140000',
      'DTEND;TZID=Europe/Berlin:20250310T141500',
      'SUMMARY:Standup',
      'END:VEVENT',
      'END:VCALENDAR',
    ],
    expect: [
      'master.subject = "Standup"',
      'master.start = {"dateTime":"2025-03-03T10:00:00","timeZone":"W. Europe Standard Time"}',
      'master.recurrence.pattern = {"type":"weekly","interval":1,"daysOfWeek":["monday"],"firstDayOfWeek":"monday"}',
      'master.recurrence.range.endDate = "2025-03-31"',
      'exceptions.0.originalStart = "2025-03-10T09:00:00Z"',
      'exceptions.0.patch.start = {"dateTime":"2025-03-10T14:00:00","timeZone":"W. Europe Standard Time"}',
      'cancelled = ["2025-03-17T09:00:00Z"]',
      'warnings = []',
    ],
  },
  {
    title:
      'A rule Graph has no pattern for (twice a day) takes the documented fallback in the same envelope: ' +
      'a daily carrier series up to --horizon, further occurrences of a day as extraSingles, and a warning ' +
      '(also on stderr)',
    args: ['ics-to-graph', '--horizon', '2d'],
    input: [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//example//EN',
      'BEGIN:VEVENT',
      'UID:ex-twice-daily',
      'DTSTAMP:20250101T000000Z',
      'DTSTART:20250303T090000Z',
      'DTEND:20250303T091000Z',
      'SUMMARY:Medication',
      'RRULE:FREQ=DAILY;BYHOUR=9,21',
      'END:VEVENT',
      'END:VCALENDAR',
    ],
    expect: [
      'master.start = {"dateTime":"2025-03-03T09:00:00","timeZone":"UTC"}',
      'master.recurrence.pattern = {"type":"daily","interval":1}',
      'master.recurrence.range.endDate = "2025-03-04"',
      'extraSingles.length = 2',
      'extraSingles.0.start = {"dateTime":"2025-03-03T21:00:00","timeZone":"UTC"}',
      'extraSingles.1.start = {"dateTime":"2025-03-04T21:00:00","timeZone":"UTC"}',
      'cancelled = []',
    ],
  },
];

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function commandLine(ex: ConvertExample): string {
  const feed = typeof ex.input === 'string' ? `echo ${quote(ex.input)}` : `printf '%s\\r\\n' ${ex.input.map(quote).join(' ')}`;
  return `${feed} | calbridge convert ${ex.args.join(' ')}`;
}

/** The "Examples:" section of a subcommand's --help. */
export function examplesHelp(examples: readonly ConvertExample[], outputKind: string): string {
  const blocks = examples.map(
    (ex, i) =>
      `  ${i + 1}. ${ex.title}:\n\n    $ ${commandLine(ex)}\n\n    ${outputKind}:\n` +
      ex.expect.map((line) => `      ${line}`).join('\n'),
  );
  return `\nExamples:\n\n${blocks.join('\n\n')}\n`;
}
