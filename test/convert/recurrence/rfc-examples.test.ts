import assert from 'node:assert/strict';
import {
  expandRule,
  fallbackCarrier,
  graphToRule,
  parseRrule,
  ruleToGraph,
} from '../../../src/convert/recurrence/index.js';
import { localToEpochMs } from '../../../src/model/instant.js';
import { occurrenceKey } from '../../../src/model/keys.js';
import type { EventTime } from '../../../src/model/time.js';
import { carrierLocals, graphLocals, localOf } from './oracle.js';
import { RFC_EXAMPLES } from './rfc-examples.js';

const TZ = 'America/New_York';
const WINDOWS = 'Eastern Standard Time';
const AFTER_ALL = Date.UTC(2010, 0, 1);
const zonedNY = (local: string): EventTime => ({ kind: 'zoned', local, tz: TZ });
const utc = (local: string): string => new Date(localToEpochMs(local, TZ)).toISOString();

describe('convert/recurrence RFC 5545 §3.8.5.3 examples (TZID=America/New_York)', () => {
  for (const ex of RFC_EXAMPLES) {
    const start = zonedNY(ex.dtstart);
    const rule = parseRrule(ex.rrule, 'zoned');
    const exdates = (ex.exdates ?? []).map((l) => occurrenceKey(zonedNY(l)));
    const toMs = ex.finite ? AFTER_ALL : localToEpochMs(ex.expected.at(-1)!, TZ) + 1;
    const fromMs = localToEpochMs(ex.dtstart, TZ);

    describe(ex.title, () => {
      it(`expands ${ex.rrule} to the published dates`, () => {
        const got = expandRule({ start, rule, exdates, fromMs, toMs }).map(localOf);
        assert.deepEqual(got, ex.expected);
      });

      if (ex.graph) {
        it('goes to Graph exactly and back with the same occurrences (checked by the emulator expander)', () => {
          const out = ruleToGraph(rule, start, TZ, WINDOWS);
          assert.equal(out.kind, 'exact', out.kind === 'unrepresentable' ? out.reason : '');
          if (out.kind !== 'exact') return;
          assert.deepEqual(graphLocals(out.recurrence, ex.dtstart, TZ, toMs), ex.expected);
          const back = graphToRule(out.recurrence, start, TZ);
          assert.deepEqual(back.warnings, []);
          assert.deepEqual(back.start, start);
          assert.deepEqual(expandRule({ start: back.start, rule: back.rule, fromMs, toMs }).map(localOf), ex.expected);
        });
      } else {
        it('is unrepresentable in Graph and the daily carrier keeps every occurrence', () => {
          const out = ruleToGraph(rule, start, TZ, WINDOWS);
          assert.equal(out.kind, 'unrepresentable');
          const carrier = fallbackCarrier({
            start,
            end: zonedNY(ex.dtstart.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`)),
            rule,
            exdates,
            horizonMs: toMs,
            seriesTz: TZ,
            windowsZone: WINDOWS,
            label: ex.title,
          });
          assert.deepEqual(carrierLocals(carrier, TZ, toMs), [...ex.expected].sort());
          assert.match(carrier.warning, new RegExp(`^${ex.title.replace(/[().,]/g, '\\$&')}: RRULE FREQ=`));
        });
      }
    });
  }

  it('keeps 09:00 local across the 1997-10-26 change: 13:00Z before, 14:00Z after', () => {
    const weekly = RFC_EXAMPLES.find((e) => e.title === 'Weekly until December 24, 1997')!;
    const got = expandRule({ start: zonedNY(weekly.dtstart), rule: parseRrule(weekly.rrule, 'zoned'), fromMs: 0, toMs: AFTER_ALL });
    assert.equal(got.length, 17);
    assert.equal(utc(localOf(got[7]!)), '1997-10-21T13:00:00.000Z');
    assert.equal(utc(localOf(got[8]!)), '1997-10-28T14:00:00.000Z');
    assert.equal(occurrenceKey(got[8]!), '1997-10-28T14:00:00Z');
    const daily = expandRule({ start: zonedNY('1997-09-02T09:00:00'), rule: parseRrule('FREQ=DAILY;UNTIL=19971224T000000Z', 'zoned'), fromMs: 0, toMs: AFTER_ALL });
    const byDay = new Map(daily.map((t) => [localOf(t).slice(0, 10), occurrenceKey(t)]));
    assert.equal(byDay.get('1997-10-25'), '1997-10-25T13:00:00Z');
    assert.equal(byDay.get('1997-10-26'), '1997-10-26T14:00:00Z');
  });

  it('uses at least 12 published examples, both Graph-expressible and not', () => {
    assert.ok(RFC_EXAMPLES.filter((e) => e.graph).length >= 12);
    assert.ok(RFC_EXAMPLES.filter((e) => !e.graph).length >= 12);
  });
});
