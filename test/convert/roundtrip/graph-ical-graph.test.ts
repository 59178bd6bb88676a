import assert from 'node:assert/strict';
import fc from 'fast-check';
import { graphToItem, itemToGraphCreate } from '../../../src/convert/graph/index.js';
import { icsToItem, itemToIcs } from '../../../src/convert/ical/index.js';
import type { GraphEvent } from '../../../src/graph/types.js';
import { canonicalJson, normalizeItem } from '../../../src/model/fingerprint.js';
import { eventTimeToEpochMs, localToEpochMs, type CalendarItem } from '../../../src/model/index.js';
import { resolveGraphZone } from '../../../src/convert/timezones/index.js';
import { graphEventArb, type GeneratedEvent } from './graph-arbitraries.js';
import { graphSeriesArb } from './graph-instances.js';
import { PROPERTY_SETTINGS } from './settings.js';
import { graphOccurrences, itemOccurrences, type Span } from './occurrence-sets.js';

/**
 * Graph → model → iCalendar → model → Graph create payload, over the representable space
 * (issue 3: "Graph→iCal→Graph … compared by occurrence sets and fields").
 */

const YEAR_MS = 366 * 86_400_000;

interface Trip {
  readonly fromGraph: CalendarItem;
  readonly fromIcs: CalendarItem;
  readonly payload: GraphEvent;
  readonly fromPayload: CalendarItem;
}

function trip(g: GeneratedEvent, includeAttendees: boolean): Trip {
  const fromGraph = graphToItem({ event: g.event }).item;
  const fromIcs = icsToItem(itemToIcs(fromGraph)).item;
  const plan = itemToGraphCreate(fromIcs, { includeAttendees });
  assert.deepEqual(plan.warnings, [], 'a representable event converts without warnings');
  assert.deepEqual([plan.exceptions, plan.cancelled, plan.extraSingles ?? []], [[], [], []]);
  // Read the payload back the way the sync reads Graph (the UID comes from the mapping).
  const fromPayload = graphToItem({ event: plan.payload }, { uid: fromGraph.uid }).item;
  return { fromGraph, fromIcs, payload: plan.payload, fromPayload };
}

/** The normal form as the fingerprint hashes it (JSON: -0 and 0 are one number there). */
const normal = (item: CalendarItem): Record<string, unknown> => JSON.parse(canonicalJson(normalizeItem(item))) as Record<string, unknown>;
/** Fields and times; the rule is compared by its occurrences (below) and by its spelling (last test). */
function withoutRule(item: CalendarItem): Record<string, unknown> {
  const { rule: _rule, ...rest } = normal(item);
  return rest;
}

/** The instant a Graph start means. */
function graphInstant(t: { dateTime: string; timeZone: string }): number {
  const zone = resolveGraphZone(t.timeZone);
  assert.equal(zone.kind, 'iana', t.timeZone);
  return localToEpochMs(t.dateTime.slice(0, 19), zone.kind === 'iana' ? zone.tz : 'UTC');
}

function spanOf(item: CalendarItem, tz: string): Span {
  const start = eventTimeToEpochMs(item.kind === 'single' ? item.event.start : item.master.start, tz);
  return { fromMs: start - 2 * 86_400_000, toMs: start + 3 * YEAR_MS, limit: 120 };
}

describe('round trip Graph → iCalendar → Graph (property-based)', function () {
  this.timeout(300_000);

  it('keeps every mapped field, in the model normal form, through iCalendar and back to a Graph payload', () => {
    fc.assert(
      fc.property(graphEventArb, fc.boolean(), (g, includeAttendees) => {
        fc.pre(g !== undefined);
        const t = trip(g!, includeAttendees);
        assert.deepEqual(withoutRule(t.fromIcs), withoutRule(t.fromGraph), 'Graph → model → iCalendar → model');
        assert.deepEqual(withoutRule(t.fromPayload), withoutRule(t.fromGraph), '… → Graph payload → model');
      }),
      PROPERTY_SETTINGS,
    );
  });

  it('keeps the occurrence set: Graph semantics (emulator engine) = iCalendar expansion = payload under Graph semantics', () => {
    fc.assert(
      fc.property(graphEventArb, (g) => {
        fc.pre(g !== undefined);
        const t = trip(g!, true);
        const span = spanOf(t.fromGraph, g!.tz);
        const graphSet = graphOccurrences(g!.event, span);
        assert.ok(graphSet.length > 0);
        assert.deepEqual(itemOccurrences(t.fromIcs, span, g!.tz), graphSet, 'iCalendar side vs Graph oracle');
        assert.deepEqual(graphOccurrences(t.payload, span), graphSet, 'payload vs original under Graph semantics');
      }),
      PROPERTY_SETTINGS,
    );
  });

  it('keeps the rule in normal form, so the echo of our own write has the same fingerprint', () => {
    fc.assert(
      fc.property(graphEventArb, (g) => {
        fc.pre(g !== undefined && g.event.recurrence !== undefined);
        const t = trip(g!, true);
        assert.deepEqual(normal(t.fromIcs).rule, normal(t.fromGraph).rule, 'through iCalendar');
        assert.deepEqual(normal(t.fromPayload).rule, normal(t.fromGraph).rule, 'through the Graph payload');
      }),
      PROPERTY_SETTINGS,
    );
  });

  it('carries exceptions and window-proven cancellations from /instances through iCalendar into the Graph writes', () => {
    fc.assert(
      fc.property(graphSeriesArb, (s) => {
        const { event, instances, window } = s;
        const fromGraph = graphToItem({ master: event, instances, window }).item;
        const fromIcs = icsToItem(itemToIcs(fromGraph)).item;
        assert.deepEqual(normal(fromIcs), normal(fromGraph), 'overrides and cancellations through iCalendar');
        const plan = itemToGraphCreate(fromIcs, { includeAttendees: true });
        assert.deepEqual(plan.cancelled, [...s.cancelled].sort(), 'DELETEs');
        assert.deepEqual(plan.exceptions.map((x) => x.originalStart), [...s.exceptions.keys()].sort(), 'PATCHed occurrences');
        for (const { originalStart, patch } of plan.exceptions) {
          const want: { subject: string; shiftMs: number } | undefined = s.exceptions.get(originalStart);
          assert.ok(want);
          assert.equal(patch.subject, want.subject);
          if (want.shiftMs === 0) assert.equal(patch.start, undefined, 'an exception that did not move sends no times');
          else assert.equal(graphInstant(patch.start!), Date.parse(originalStart) + want.shiftMs, 'moved start');
        }
      }),
      PROPERTY_SETTINGS,
    );
  });
});

describe('round trip Graph → iCalendar → Graph: regressions found by the properties', () => {
  // Found by the rule-spelling property above. Graph clamps dayOfMonth to the month's end; graphToRule
  // spells dayOfMonth 30 in February as BYMONTHDAY=-1, ruleToGraph writes that back as dayOfMonth 29,
  // and graphToRule reads 29 as BYMONTHDAY=28,29;BYSETPOS=-1: the same dates, another normal form, so
  // the echo of calbridge's own write gets a new fingerprint.
  it('absoluteYearly on February 30th keeps its rule in normal form through a Graph payload', () => {
    const event: GraphEvent = {
      iCalUId: 'feb-30',
      subject: 'Month end',
      isAllDay: false,
      start: { dateTime: '2024-02-29T09:00:00.0000000', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2024-02-29T09:30:00.0000000', timeZone: 'W. Europe Standard Time' },
      recurrence: {
        pattern: { type: 'absoluteYearly', interval: 1, month: 2, dayOfMonth: 30 },
        range: { type: 'noEnd', startDate: '2024-01-01', recurrenceTimeZone: 'W. Europe Standard Time' },
      },
    };
    const fromGraph = graphToItem({ event }).item;
    const payload = itemToGraphCreate(fromGraph).payload;
    const again = graphToItem({ event: payload }, { uid: 'feb-30' }).item;
    assert.deepEqual(normal(again).rule, normal(fromGraph).rule);
  });
});
