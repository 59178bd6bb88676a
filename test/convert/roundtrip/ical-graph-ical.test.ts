import assert from 'node:assert/strict';
import fc from 'fast-check';
import { graphToItem, itemToGraphCreate } from '../../../src/convert/graph/index.js';
import { icsToItem, itemToIcs } from '../../../src/convert/ical/index.js';
import { expandRule } from '../../../src/convert/recurrence/index.js';
import { canonicalJson, normalizeItem } from '../../../src/model/fingerprint.js';
import { DEFAULT_EVENT_FIELDS, eventTimeToEpochMs, type CalendarItem } from '../../../src/model/index.js';
import { EmulatedMailbox } from './emulated-graph.js';
import { modelItemArb, type GeneratedItem } from './model-arbitraries.js';
import { itemOccurrences, type Span } from './occurrence-sets.js';
import { PROPERTY_SETTINGS } from './settings.js';

/**
 * iCalendar → model → Graph writes → (the emulator as Graph) → Graph reads → model → iCalendar,
 * over the representable space (issue 3: "iCal→Graph→iCal … compared by occurrence sets and fields").
 */

const DAY_MS = 86_400_000;

const normal = (item: CalendarItem): Record<string, unknown> => JSON.parse(canonicalJson(normalizeItem(item))) as Record<string, unknown>;
/**
 * Fields, times, overrides and cancellations. The rule is compared by its occurrences (clients spell
 * rules many ways), and the organizer is left out: Graph makes the mailbox owner the organizer.
 */
function comparable(item: CalendarItem): Record<string, unknown> {
  const withoutOrganizer = (o: unknown): unknown => {
    const { organizer: _organizer, ...rest } = o as Record<string, unknown>;
    // Graph stores a text body as HTML, where runs of blanks are one blank: documented as lossy (docs/mapping.md).
    if (typeof rest.description === 'string') rest.description = rest.description.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    return rest;
  };
  const { rule: _rule, ...rest } = normal(item);
  if (rest.event) rest.event = withoutOrganizer(rest.event);
  if (rest.master) rest.master = withoutOrganizer(rest.master);
  if (rest.overrides) {
    rest.overrides = Object.fromEntries(Object.entries(rest.overrides as Record<string, unknown>).map(([k, o]) => [k, withoutOrganizer(o)]));
  }
  return rest;
}

/** A window that shows Graph every occurrence the generator touched, with the neighbours that prove cancellations. */
function windowOf(g: GeneratedItem, item: CalendarItem): { start: string; end: string } {
  const master = item.kind === 'single' ? item.event : item.master;
  const startMs = eventTimeToEpochMs(master.start, g.zone);
  const all =
    item.kind === 'series'
      ? expandRule({ start: master.start, rule: item.rule, fromMs: startMs, toMs: startMs + 5 * 366 * DAY_MS, floatingTz: g.zone, limit: 40 })
      : [];
  const endMs = all.length === 40 ? eventTimeToEpochMs(all[39]!, g.zone) : startMs + 5 * 366 * DAY_MS;
  return { start: new Date(startMs - 400 * DAY_MS).toISOString(), end: new Date(endMs).toISOString() };
}

/**
 * By default attendees travel in the body block (attendee-block.ts) and come back exactly. As real
 * Graph attendees (includeAttendees) their responses belong to Graph: a created meeting starts with
 * every response 'none'.
 */
function viaGraph(g: GeneratedItem, includeAttendees = false): { first: CalendarItem; last: CalendarItem; warnings: string[] } {
  const first = icsToItem(itemToIcs(g.item)).item;
  const plan = itemToGraphCreate(first, { includeAttendees });
  const window = windowOf(g, first);
  const mailbox = new EmulatedMailbox();
  const id = mailbox.apply(plan, window);
  const master = mailbox.event(id);
  const read = master.recurrence
    ? graphToItem({ master, instances: mailbox.instances(id, window), window }, { uid: first.uid })
    : graphToItem({ event: master }, { uid: first.uid });
  const last = icsToItem(itemToIcs(read.item)).item;
  return { first, last, warnings: [...plan.warnings, ...read.warnings] };
}

describe('round trip iCalendar → Graph (emulator) → iCalendar (property-based)', function () {
  this.timeout(300_000);

  it('keeps fields, times, overrides and cancellations in normal form, without warnings', () => {
    fc.assert(
      fc.property(modelItemArb, (g) => {
        fc.pre(g !== undefined);
        const { first, last, warnings } = viaGraph(g!);
        assert.deepEqual(warnings, []);
        assert.deepEqual(comparable(last), comparable(first));
      }),
      PROPERTY_SETTINGS,
    );
  });

  it('keeps the occurrence set', () => {
    fc.assert(
      fc.property(modelItemArb, (g) => {
        fc.pre(g !== undefined && g.item.kind === 'series');
        const { first, last } = viaGraph(g!);
        const startMs = eventTimeToEpochMs(first.kind === 'series' ? first.master.start : first.event.start, g!.zone);
        const span: Span = { fromMs: startMs - DAY_MS, toMs: startMs + 3 * 366 * DAY_MS, limit: 120 };
        assert.deepEqual(itemOccurrences(last, span, g!.zone), itemOccurrences(first, span, g!.zone));
      }),
      PROPERTY_SETTINGS,
    );
  });
});

describe('round trip iCalendar → Graph → iCalendar: regressions found by the properties', () => {
  it('with --include-attendees, an attendee without CN does not come back with CN=<address> (Graph echoes name = address)', () => {
    const g: GeneratedItem = {
      zone: 'Europe/Berlin',
      item: {
        kind: 'single',
        uid: 'nameless',
        event: {
          ...DEFAULT_EVENT_FIELDS,
          summary: 'Sync',
          attendees: [{ email: 'ada@example.org', role: 'required', status: 'needs-action' }],
          start: { kind: 'zoned', local: '2026-03-03T09:00:00', tz: 'Europe/Berlin' },
          end: { kind: 'zoned', local: '2026-03-03T09:30:00', tz: 'Europe/Berlin' },
        },
      },
    };
    const { last } = viaGraph(g, true);
    assert.equal(last.kind, 'single');
    assert.deepEqual(last.kind === 'single' ? last.event.attendees : [], [{ email: 'ada@example.org', role: 'required', status: 'needs-action' }]);
  });

  it('a 0-minute reminder reads back from iCalendar as 0, not -0 (writeFields compares with isDeepStrictEqual)', () => {
    const ics = itemToIcs({
      kind: 'single',
      uid: 'at-start',
      event: {
        ...DEFAULT_EVENT_FIELDS,
        summary: 'Now',
        reminderMinutesBefore: 0,
        start: { kind: 'zoned', local: '2026-03-03T09:00:00', tz: 'UTC' },
        end: { kind: 'zoned', local: '2026-03-03T09:30:00', tz: 'UTC' },
      },
    });
    const item = icsToItem(ics).item;
    assert.ok(Object.is(item.kind === 'single' ? item.event.reminderMinutesBefore : undefined, 0));
  });
});
