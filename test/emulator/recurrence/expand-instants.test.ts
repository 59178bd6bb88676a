import assert from 'node:assert/strict';
import {
  expandRecurrence,
  UnboundedExpansionError,
  validateRecurrence,
} from '../../../src/emulator/recurrence/index.js';

/**
 * Occurrences as instants: DST in both hemispheres (expected UTC times worked out from the zones'
 * published transition dates), all-day series, DST gaps, windows, limits and unbounded series.
 * [OSRE] = concepts/outlook-schedule-recurring-events.md.
 */

const HOUR = 3_600_000;

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';

function daily(startLocal: string, seriesTz: string, count: number, durationMs = HOUR) {
  const recurrence = validateRecurrence(
    {
      pattern: { type: 'daily', interval: 1 },
      range: { type: 'numbered', startDate: startLocal.slice(0, 10), numberOfOccurrences: count },
    },
    seriesTz,
  );
  return expandRecurrence({ recurrence, startLocal, durationMs, seriesTz });
}

describe('expandRecurrence: wall clock kept across DST (graph-api.md §4.3 rule 1)', () => {
  const cases: ReadonlyArray<{ name: string; startLocal: string; tz: string; utc: string[] }> = [
    {
      // US DST began Sunday 2024-03-10 02:00 (EST -5 → EDT -4).
      name: 'America/New_York, March',
      startLocal: '2024-03-09T09:00:00',
      tz: 'America/New_York',
      utc: ['2024-03-09T14:00:00Z', '2024-03-10T13:00:00Z', '2024-03-11T13:00:00Z'],
    },
    {
      // US DST ended Sunday 2024-11-03 02:00 (EDT -4 → EST -5).
      name: 'America/New_York, November',
      startLocal: '2024-11-02T09:00:00',
      tz: 'America/New_York',
      utc: ['2024-11-02T13:00:00Z', '2024-11-03T14:00:00Z', '2024-11-04T14:00:00Z'],
    },
    {
      // Sydney DST ended Sunday 2024-04-07 03:00 (AEDT +11 → AEST +10).
      name: 'Australia/Sydney, April',
      startLocal: '2024-04-06T09:00:00',
      tz: 'Australia/Sydney',
      utc: ['2024-04-05T22:00:00Z', '2024-04-06T23:00:00Z', '2024-04-07T23:00:00Z'],
    },
    {
      // Sydney DST began Sunday 2024-10-06 02:00 (AEST +10 → AEDT +11).
      name: 'Australia/Sydney, October',
      startLocal: '2024-10-05T09:00:00',
      tz: 'Australia/Sydney',
      utc: ['2024-10-04T23:00:00Z', '2024-10-05T22:00:00Z', '2024-10-06T22:00:00Z'],
    },
  ];
  for (const c of cases) {
    it(`${c.name}: UTC start shifts by an hour, local 09:00 stays`, () => {
      const occ = daily(c.startLocal, c.tz, 3);
      assert.deepEqual(occ.map((o) => iso(o.startMs)), c.utc);
      assert.deepEqual(occ.map((o) => o.originalStartLocal.slice(11)), ['09:00:00', '09:00:00', '09:00:00']);
      assert.deepEqual(occ.map((o) => o.endMs - o.startMs), [HOUR, HOUR, HOUR]);
    });
  }

  it('the doc series (Mondays 12:00 Pacific) moves from 19:00Z to 20:00Z after 2017-11-05', () => {
    // [OSRE] / user-post-events.md request 3; US DST ended Sunday 2017-11-05.
    const recurrence = validateRecurrence(
      {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday'] },
        range: { type: 'endDate', startDate: '2017-10-30', endDate: '2017-11-06' },
      },
      'America/Los_Angeles',
    );
    const occ = expandRecurrence({
      recurrence,
      startLocal: '2017-10-30T12:00:00',
      durationMs: 2 * HOUR,
      seriesTz: 'America/Los_Angeles',
    });
    assert.deepEqual(occ.map((o) => [iso(o.startMs), iso(o.endMs)]), [
      ['2017-10-30T19:00:00Z', '2017-10-30T21:00:00Z'],
      ['2017-11-06T20:00:00Z', '2017-11-06T22:00:00Z'],
    ]);
  });

  it('an all-day series stays midnight-to-midnight on the 23-hour day', () => {
    const occ = daily('2024-03-09T00:00:00', 'America/New_York', 2, 24 * HOUR);
    assert.deepEqual(occ.map((o) => [iso(o.startMs), iso(o.endMs)]), [
      ['2024-03-09T05:00:00Z', '2024-03-10T05:00:00Z'],
      ['2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z'],
    ]);
  });

  it('a start inside the spring-forward gap keeps its local label and uses the pre-gap offset', () => {
    // model/instant.ts: 02:30 on 2024-03-10 does not exist in New York; read with EST (-5).
    const occ = daily('2024-03-09T02:30:00', 'America/New_York', 2);
    assert.equal(occ[1]!.originalStartLocal, '2024-03-10T02:30:00');
    assert.equal(iso(occ[1]!.startMs), '2024-03-10T07:30:00Z');
    assert.ok(occ[1]!.endMs >= occ[1]!.startMs);
  });
});

describe('expandRecurrence: windows, limits and bounds', () => {
  const noEndDaily = validateRecurrence(
    { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2024-01-01' } },
    'UTC',
  );
  const base = { recurrence: noEndDaily, startLocal: '2024-01-01T09:00:00', durationMs: HOUR, seriesTz: 'UTC' };

  it('keeps occurrences overlapping [from, to): one already running at from, none starting at to', () => {
    const occ = expandRecurrence({
      ...base,
      fromMs: Date.parse('2024-01-05T09:30:00Z'),
      toMs: Date.parse('2024-01-07T09:00:00Z'),
    });
    assert.deepEqual(occ.map((o) => [o.originalStartLocal, o.index]), [
      ['2024-01-05T09:00:00', 4],
      ['2024-01-06T09:00:00', 5],
    ]);
  });

  it('excludes an occurrence that ends exactly when the window opens', () => {
    const occ = expandRecurrence({
      ...base,
      fromMs: Date.parse('2024-01-05T10:00:00Z'),
      toMs: Date.parse('2024-01-06T10:00:00Z'),
    });
    assert.deepEqual(occ.map((o) => o.index), [5]);
  });

  it('keeps series positions (index) far into a long series', () => {
    const occ = expandRecurrence({
      ...base,
      fromMs: Date.parse('2034-01-01T00:00:00Z'),
      toMs: Date.parse('2034-01-02T00:00:00Z'),
    });
    // 2024..2033 = 10 years, of which 2024, 2028 and 2032 are leap: 3653 days.
    assert.deepEqual(occ.map((o) => [o.originalStartLocal, o.index]), [['2034-01-01T09:00:00', 3653]]);
  });

  it('limit caps what is returned, counted inside the window', () => {
    const occ = expandRecurrence({ ...base, fromMs: Date.parse('2024-02-01T00:00:00Z'), limit: 2 });
    assert.deepEqual(occ.map((o) => o.originalStartLocal), ['2024-02-01T09:00:00', '2024-02-02T09:00:00']);
  });

  it('refuses to expand a noEnd series without toMs or limit', () => {
    assert.throws(() => expandRecurrence(base), UnboundedExpansionError);
  });

  it('a numbered series ends after its count even with an open window', () => {
    const recurrence = validateRecurrence(
      { pattern: { type: 'daily', interval: 2 }, range: { type: 'numbered', startDate: '2024-01-01', numberOfOccurrences: 3 } },
      'UTC',
    );
    const occ = expandRecurrence({ ...base, recurrence, fromMs: Date.parse('2024-01-02T00:00:00Z') });
    assert.deepEqual(occ.map((o) => [o.originalStartLocal, o.index]), [
      ['2024-01-03T09:00:00', 1],
      ['2024-01-05T09:00:00', 2],
    ]);
  });

  it('rejects a malformed startLocal', () => {
    assert.throws(() => expandRecurrence({ ...base, startLocal: '2024-01-01 09:00', limit: 1 }), RangeError);
  });
});
