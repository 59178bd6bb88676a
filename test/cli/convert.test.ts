import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import {
  GRAPH_TO_ICS_EXAMPLES,
  ICS_TO_GRAPH_EXAMPLES,
  examplesHelp,
  type ConvertExample,
} from '../../src/convert/cli/examples.js';
import { at, contentLines, fixture, runCalbridge, type CliRun } from './convert-run.js';

const stdinOf = (ex: ConvertExample): string => (typeof ex.input === 'string' ? `${ex.input}\n` : `${ex.input.join('\r\n')}\r\n`);

function assertOk(run: CliRun): void {
  assert.equal(run.code, 0, `exit ${run.code}, stderr: ${run.stderr}`);
}

/** Bad input: exit 2, nothing on stdout, one stderr line (no stack trace) containing every fragment. */
function assertBadInput(run: CliRun, ...fragments: string[]): void {
  assert.equal(run.code, 2, `exit ${run.code}, stderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `expected one stderr line, got:\n${run.stderr}`);
  assert.match(lines[0]!, /^calbridge: /);
  for (const f of fragments) assert.ok(lines[0]!.includes(f), `"${lines[0]}" should mention ${f}`);
}

const SAMPLE_01 = fixture('graph/01-event-singleInstance-create-response.json');
const SAMPLE_02 = fixture('graph/02-event-seriesMaster-weekly-endDate-create-response.json');
const SAMPLE_03 = fixture('graph/03-event-seriesMaster-weekly-noEnd-get.json');
const SAMPLE_04 = fixture('graph/04-event-instances-occurrences-and-exception.json');
const SAMPLE_06 = fixture('graph/06-event-get-prefer-timezone-pacific.json');
const SERIES_ICS = fixture('ics/series-exdate-dst-override.ics');
const ALLDAY_ICS = fixture('ics/allday-multiday.ics');

describe('calbridge convert: the --help examples', function () {
  // Each run starts node + tsx; on a busy machine that takes seconds.
  this.timeout(180_000);
  for (const [direction, examples, kind] of [
    ['graph-to-ics', GRAPH_TO_ICS_EXAMPLES, 'output includes the lines'],
    ['ics-to-graph', ICS_TO_GRAPH_EXAMPLES, 'output has'],
  ] as const) {
    it(`${direction} --help shows at least two worked examples`, async () => {
      const run = await runCalbridge(['convert', direction, '--help']);
      assertOk(run);
      assert.ok(examples.length >= 2);
      assert.ok(run.stdout.includes(examplesHelp(examples, kind).trim()), run.stdout);
    });
  }

  GRAPH_TO_ICS_EXAMPLES.forEach((ex, i) => {
    it(`graph-to-ics example ${i + 1}: ${ex.title}`, async () => {
      const run = await runCalbridge(['convert', ...ex.args], stdinOf(ex));
      assertOk(run);
      const lines = contentLines(run.stdout);
      for (const want of ex.expect) assert.ok(lines.includes(want), `missing line ${want} in\n${run.stdout}`);
    });
  });

  ICS_TO_GRAPH_EXAMPLES.forEach((ex, i) => {
    it(`ics-to-graph example ${i + 1}: ${ex.title}`, async () => {
      const run = await runCalbridge(['convert', ...ex.args], stdinOf(ex));
      assertOk(run);
      const out = JSON.parse(run.stdout) as { warnings: string[] };
      for (const want of ex.expect) {
        const [path, value] = want.split(' = ') as [string, string];
        assert.deepEqual(at(out, path), JSON.parse(value), want);
      }
      // Every warning of the envelope is on stderr too, one line each.
      assert.deepEqual(
        run.stderr.split('\n').filter((l) => l !== ''),
        out.warnings.map((w) => `calbridge: warning: ${w}`),
      );
    });
  });
});

describe('calbridge convert graph-to-ics on the Graph doc samples', function () {
  // Each run starts node + tsx; on a busy machine that takes seconds.
  this.timeout(180_000);
  it('01 singleInstance: UID is the iCalUId, times stay in the Pacific zone, same output from FILE and stdin', async () => {
    const [fromFile, fromStdin] = await Promise.all([
      runCalbridge(['convert', 'graph-to-ics', SAMPLE_01]),
      runCalbridge(['convert', 'graph-to-ics'], readFileSync(SAMPLE_01, 'utf8')),
    ]);
    assertOk(fromFile);
    assertOk(fromStdin);
    const withoutStamp = (s: string): string[] => contentLines(s).filter((l) => !l.startsWith('DTSTAMP:'));
    assert.deepEqual(withoutStamp(fromFile.stdout), withoutStamp(fromStdin.stdout));
    const lines = contentLines(fromFile.stdout);
    const uid = (JSON.parse(readFileSync(SAMPLE_01, 'utf8')) as { iCalUId: string }).iCalUId;
    assert.ok(lines.includes(`UID:${uid}`));
    assert.ok(lines.includes('DTSTART;TZID=America/Los_Angeles:20170415T110000'));
    assert.ok(lines.includes('DTEND;TZID=America/Los_Angeles:20170415T120000'));
    assert.ok(lines.includes("SUMMARY:Let's go brunch"));
    assert.ok(lines.includes('TRIGGER:-PT15M'));
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
  });

  it('02 weekly endDate series: RRULE with UNTIL at the end of the last day, WKST from firstDayOfWeek', async () => {
    const run = await runCalbridge(['convert', 'graph-to-ics', SAMPLE_02]);
    assertOk(run);
    const lines = contentLines(run.stdout);
    assert.ok(lines.includes('DTSTART;TZID=America/Los_Angeles:20170904T120000'));
    assert.ok(lines.includes('RRULE:FREQ=WEEKLY;UNTIL=20180101T075959Z;BYDAY=MO;WKST=SU'), run.stdout);
  });

  it('03 noEnd series read in UTC: DTSTART back in the series zone (Eastern)', async () => {
    const run = await runCalbridge(['convert', 'graph-to-ics', SAMPLE_03]);
    assertOk(run);
    const lines = contentLines(run.stdout);
    assert.ok(lines.includes('DTSTART;TZID=America/New_York:20170815T103000'));
    assert.ok(lines.includes('RRULE:FREQ=WEEKLY;BYDAY=TU,TH;WKST=SU'));
  });

  it('06 Prefer-zone GET without iCalUId: the Graph id stands in as UID, with a warning on stderr', async () => {
    const run = await runCalbridge(['convert', 'graph-to-ics', SAMPLE_06]);
    assertOk(run);
    assert.ok(contentLines(run.stdout).includes('UID:AAMkAGIAAAoZDOFAAA='));
    assert.match(run.stderr, /^calbridge: warning: event AAMkAGIAAAoZDOFAAA= has no iCalUId/);
    const given = await runCalbridge(['convert', 'graph-to-ics', '--uid', 'chosen-uid', SAMPLE_06]);
    assertOk(given);
    assert.ok(contentLines(given.stdout).includes('UID:chosen-uid'));
    assert.equal(given.stderr, '');
  });

  it('04 /instances with a master (constructed: weekly Monday 13:30 Pacific): the moved 4/15 becomes an override', async () => {
    const instances = (JSON.parse(readFileSync(SAMPLE_04, 'utf8')) as { value: unknown[] }).value;
    const master = {
      iCalUId: 'review-q3',
      type: 'seriesMaster',
      subject: 'Review strategy for Q3',
      start: { dateTime: '2019-04-08T20:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2019-04-08T21:00:00.0000000', timeZone: 'UTC' },
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
        range: { type: 'noEnd', startDate: '2019-04-08', recurrenceTimeZone: 'Pacific Standard Time' },
      },
    };
    // The window of the sample's request.
    const window = { start: '2019-04-08T09:00:00.0000000', end: '2019-04-30T09:00:00.0000000' };
    const run = await runCalbridge(['convert', 'graph-to-ics'], JSON.stringify({ master, instances, window }));
    assertOk(run);
    const lines = contentLines(run.stdout);
    assert.ok(lines.includes('RECURRENCE-ID;TZID=America/Los_Angeles:20190415T133000'), run.stdout);
    assert.ok(lines.includes('DTSTART;TZID=America/Los_Angeles:20190416T133000'));
    assert.ok(!lines.some((l) => l.startsWith('EXDATE')), 'every expected occurrence is present');
    // The sample's $select has no originalStart: the converter says how it placed the exception.
    assert.match(run.stderr, /came without originalStart/);
  });
});

describe('calbridge convert ics-to-graph', function () {
  // Each run starts node + tsx; on a busy machine that takes seconds.
  this.timeout(180_000);
  it('a series with EXDATEs across DST and an override, from FILE and from stdin alike', async () => {
    const [fromFile, fromStdin] = await Promise.all([
      runCalbridge(['convert', 'ics-to-graph', SERIES_ICS]),
      runCalbridge(['convert', 'ics-to-graph', '-'], readFileSync(SERIES_ICS, 'utf8')),
    ]);
    assertOk(fromFile);
    assertOk(fromStdin);
    assert.equal(fromFile.stdout, fromStdin.stdout);
    const out = JSON.parse(fromFile.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), ['master', 'exceptions', 'cancelled', 'warnings']);
    assert.equal(at(out, 'master.recurrence.pattern.type'), 'weekly');
    assert.deepEqual(at(out, 'cancelled'), ['2026-03-23T08:00:00Z', '2026-04-06T07:00:00Z', '2026-04-13T07:00:00Z']);
    assert.equal(at(out, 'exceptions.length'), 1);
  });

  it('attendees travel in the body by default and as Graph attendees with --include-attendees', async () => {
    const ics = readFileSync(fixture('ics/nextcloud-calendar.ics'), 'utf8');
    assert.match(ics, /ATTENDEE/, 'the fixture has attendees');
    const plain = JSON.parse((await runCalbridge(['convert', 'ics-to-graph'], ics)).stdout) as Record<string, unknown>;
    assert.equal(at(plain, 'master.attendees'), undefined);
    assert.match(String(at(plain, 'master.body.content')), /Attendees \(kept by calbridge, not invited\)/);
    const run = await runCalbridge(['convert', 'ics-to-graph', '--include-attendees'], ics);
    assertOk(run);
    const withAttendees = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.ok(Array.isArray(at(withAttendees, 'master.attendees')));
    assert.ok((at(withAttendees, 'master.attendees.length') as number) > 0);
  });

  it('--floating-zone pins all-day dates to that zone on the Graph side', async () => {
    const run = await runCalbridge(['convert', 'ics-to-graph', '--floating-zone', 'Europe/Berlin', ALLDAY_ICS]);
    assertOk(run);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(at(out, 'master.isAllDay'), true);
    assert.deepEqual(at(out, 'master.start'), { dateTime: '2026-07-20T00:00:00', timeZone: 'W. Europe Standard Time' });
  });

  it('Graph → iCalendar → Graph through the CLI keeps sample 02\'s recurrence', async () => {
    const ics = await runCalbridge(['convert', 'graph-to-ics', SAMPLE_02]);
    assertOk(ics);
    const run = await runCalbridge(['convert', 'ics-to-graph'], ics.stdout);
    assertOk(run);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(at(out, 'master.recurrence'), {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
      range: { type: 'endDate', startDate: '2017-09-04', endDate: '2017-12-31', recurrenceTimeZone: 'Pacific Standard Time' },
    });
    assert.deepEqual(at(out, 'master.start'), { dateTime: '2017-09-04T12:00:00', timeZone: 'Pacific Standard Time' });
  });
});

const vcalendar = (...vevents: string[][]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', ...vevents.flatMap((v) => ['BEGIN:VEVENT', ...v, 'END:VEVENT']), 'END:VCALENDAR', '']
    .join('\r\n');

describe('calbridge convert: bad input → exit 2 and one line naming what and where', function () {
  // Each run starts node + tsx; on a busy machine that takes seconds.
  this.timeout(180_000);
  it('invalid JSON names the line and column', async () => {
    assertBadInput(await runCalbridge(['convert', 'graph-to-ics'], '{\n  "subject": "x",\n  "start": oops\n}'), 'invalid JSON', 'line 3', 'column 12');
  });

  it('a Graph property of the wrong type names its path', async () => {
    const run = await runCalbridge(['convert', 'graph-to-ics'], JSON.stringify({ master: { start: { dateTime: 5, timeZone: 'UTC' } } }));
    assertBadInput(run, 'property master.start.dateTime');
  });

  it('a Graph dateTime that is no date names the property', async () => {
    const event = { iCalUId: 'u', start: { dateTime: 'soon', timeZone: 'UTC' }, end: { dateTime: '2025-01-01T00:00:00', timeZone: 'UTC' } };
    assertBadInput(await runCalbridge(['convert', 'graph-to-ics'], JSON.stringify(event)), 'property start', '"soon"');
  });

  it('empty input', async () => {
    assertBadInput(await runCalbridge(['convert', 'graph-to-ics'], ''), 'no input');
    assertBadInput(await runCalbridge(['convert', 'ics-to-graph'], '\n'), 'no input');
  });

  it('a VCALENDAR with two UIDs', async () => {
    const ics = vcalendar(['UID:a', 'DTSTART:20250101T100000Z'], ['UID:b', 'DTSTART:20250101T100000Z']);
    assertBadInput(await runCalbridge(['convert', 'ics-to-graph'], ics), 'one UID', 'a, b');
  });

  it('a broken DTSTART names the property and its line', async () => {
    const ics = vcalendar(['UID:a', 'DTSTAMP:20250101T000000Z', 'DTSTART:2025010XT100000Z']);
    assertBadInput(await runCalbridge(['convert', 'ics-to-graph'], ics), 'property DTSTART', 'line 7');
  });

  it('an unknown TZID names the property and its line', async () => {
    const ics = vcalendar(['UID:a', 'DTSTART;TZID=Mars/Olympus:20250101T100000']);
    assertBadInput(await runCalbridge(['convert', 'ics-to-graph'], ics), 'Mars/Olympus', 'property DTSTART', 'line 6');
  });

  it('text that is not iCalendar names the line', async () => {
    assertBadInput(await runCalbridge(['convert', 'ics-to-graph'], 'BEGIN:VCALENDAR\r\nhello\r\n'), 'line 2');
  });

  it('a missing FILE, a bad --horizon, an unknown --floating-zone', async () => {
    const [missing, horizon, zone] = await Promise.all([
      runCalbridge(['convert', 'ics-to-graph', '/nonexistent/x.ics']),
      runCalbridge(['convert', 'ics-to-graph', '--horizon', 'someday', SERIES_ICS]),
      runCalbridge(['convert', 'ics-to-graph', '--floating-zone', 'Mars/Olympus', SERIES_ICS]),
    ]);
    assertBadInput(missing, '/nonexistent/x.ics');
    assertBadInput(horizon, '--horizon');
    assertBadInput(zone, 'Mars/Olympus');
  });
});
