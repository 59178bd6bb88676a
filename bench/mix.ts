import { resolveGraphZone } from '../src/convert/timezones/index.js';
import { mulberry32 } from '../src/emulator/faults.js';
import { expandRecurrence, validateRecurrence } from '../src/emulator/recurrence/index.js';
import type { GraphAttendee, GraphEvent, GraphPatternedRecurrence, GraphRecurrencePattern } from '../src/graph/types.js';
import type { GraphItemInput } from '../src/convert/graph/index.js';
import { localAsUtcMs, utcMsAsLocal } from '../src/model/index.js';

/**
 * A realistic, reproducible mix of Graph events as a mailbox holds them: mostly timed singles,
 * all-day events, weekly and monthly series with exceptions and cancellations (with the /instances
 * window they came with), several zones, attendees and Outlook-style HTML bodies.
 */


const ZONES = ['W. Europe Standard Time', 'Pacific Standard Time', 'Eastern Standard Time', 'GMT Standard Time', 'India Standard Time', 'Tokyo Standard Time', 'AUS Eastern Standard Time', 'UTC'];
const WORDS = ['budget', 'review', 'sync', 'Q3', 'roadmap', 'hiring', 'design', 'launch', 'retro', '1:1', 'customer', 'planning'];
const DAY_MS = 86_400_000;

type Kind = 'single' | 'allDay' | 'weekly' | 'monthly' | 'daily';
/** Share of each kind in the mix. */
export const MIX: readonly (readonly [Kind, number])[] = [
  ['single', 0.45],
  ['allDay', 0.15],
  ['weekly', 0.25],
  ['monthly', 0.1],
  ['daily', 0.05],
];

const fmt = (ms: number): string => `${utcMsAsLocal(ms)}.0000000`;

function htmlBody(rand: () => number, words: (n: number) => string): string {
  const paras = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => `<p>${words(8 + Math.floor(rand() * 30))}</p>`);
  const link = rand() < 0.4 ? '<div><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting">Join Microsoft Teams Meeting</a></div>' : '';
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${paras.join('\r\n')}${link}\r\n</body>\r\n</html>\r\n`;
}

function attendees(rand: () => number, n: number): GraphAttendee[] {
  const responses = ['none', 'accepted', 'declined', 'tentativelyAccepted'] as const;
  return Array.from({ length: n }, (_, i) => ({
    type: i === 0 ? 'required' : rand() < 0.2 ? 'optional' : 'required',
    status: { response: responses[Math.floor(rand() * responses.length)]! },
    emailAddress: { name: `Person ${i}`, address: `person${i}@contoso.com` },
  }));
}

function pattern(kind: 'weekly' | 'monthly' | 'daily', rand: () => number): GraphRecurrencePattern {
  if (kind === 'daily') return { type: 'daily', interval: 1 };
  if (kind === 'weekly') return { type: 'weekly', interval: rand() < 0.8 ? 1 : 2, daysOfWeek: rand() < 0.7 ? ['monday'] : ['tuesday', 'thursday'], firstDayOfWeek: 'sunday' };
  return rand() < 0.5
    ? { type: 'absoluteMonthly', interval: 1, dayOfMonth: 1 + Math.floor(rand() * 28) }
    : { type: 'relativeMonthly', interval: 1, daysOfWeek: ['wednesday'], index: rand() < 0.5 ? 'first' : 'last' };
}

function kindAt(x: number): Kind {
  let acc = 0;
  for (const [kind, share] of MIX) {
    acc += share;
    if (x < acc) return kind;
  }
  return 'single';
}

/**
 * `count` Graph inputs (graphToItem's input shape), the same for the same seed, as the daemon gets
 * them: parsed from JSON. (Objects built by hand each get their own V8 hidden class, which makes
 * every property read slower than on JSON.parse's output and would measure the bench, not Graph.)
 */
export function buildMix(count: number, seed = 42): GraphItemInput[] {
  return JSON.parse(JSON.stringify(buildEvents(count, seed))) as GraphItemInput[];
}

function buildEvents(count: number, seed: number): GraphItemInput[] {
  const rand = mulberry32(seed); // seeded: every run converts the same mix
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return Array.from({ length: count }, (_, i): GraphItemInput => {
    const kind = kindAt(rand());
    const zone = pick(ZONES);
    const allDay = kind === 'allDay';
    const day = Date.UTC(2025, 0, 6) + Math.floor(rand() * 700) * DAY_MS;
    const startMs = allDay ? day : day + (7 + Math.floor(rand() * 11)) * 3_600_000 + (rand() < 0.5 ? 1_800_000 : 0);
    const endMs = allDay ? startMs + (1 + Math.floor(rand() * 2)) * DAY_MS : startMs + (1 + Math.floor(rand() * 4)) * 1_800_000;
    const base: GraphEvent = {
      id: `AAMk-bench-${i}`,
      iCalUId: `040000008200E00074C5B7101A82E008-bench-${i}`,
      subject: `${words(2 + Math.floor(rand() * 4))}`,
      body: { contentType: 'html', content: htmlBody(rand, words) },
      isAllDay: allDay,
      start: { dateTime: fmt(startMs), timeZone: zone },
      end: { dateTime: fmt(endMs), timeZone: zone },
      originalStartTimeZone: zone,
      originalEndTimeZone: zone,
      location: rand() < 0.6 ? { displayName: `Room ${Math.floor(rand() * 40)}` } : { displayName: '' },
      categories: rand() < 0.3 ? ['Blue category'] : [],
      showAs: allDay ? 'free' : 'busy',
      sensitivity: rand() < 0.1 ? 'private' : 'normal',
      importance: rand() < 0.1 ? 'high' : 'normal',
      isReminderOn: !allDay,
      reminderMinutesBeforeStart: 15,
      organizer: { emailAddress: { name: 'Organizer', address: 'organizer@contoso.com' } },
      attendees: attendees(rand, rand() < 0.5 ? 0 : 1 + Math.floor(rand() * 6)),
    };
    if (kind === 'single' || kind === 'allDay') return { event: { ...base, type: 'singleInstance' } };
    return seriesInput(base, kind, zone, startMs, endMs, rand);
  });
}

function seriesInput(base: GraphEvent, kind: 'weekly' | 'monthly' | 'daily', zone: string, startMs: number, endMs: number, rand: () => number): GraphItemInput {
  const tz = resolveGraphZone(zone);
  const seriesTz = tz.kind === 'iana' ? tz.tz : 'UTC';
  const startDate = utcMsAsLocal(startMs).slice(0, 10);
  const range = rand() < 0.5
    ? { type: 'noEnd' as const, startDate, recurrenceTimeZone: zone }
    : { type: 'numbered' as const, startDate, numberOfOccurrences: 10 + Math.floor(rand() * 30), recurrenceTimeZone: zone };
  const recurrence: GraphPatternedRecurrence = validateRecurrence({ pattern: pattern(kind, rand), range }, zone);
  const startLocal = utcMsAsLocal(startMs);
  const occurrences = expandRecurrence({ recurrence, startLocal, durationMs: endMs - startMs, seriesTz, limit: kind === 'daily' ? 60 : 20 });
  const first = occurrences[0]!;
  const master: GraphEvent = {
    ...base,
    type: 'seriesMaster',
    recurrence,
    start: { dateTime: fmt(localAsUtcMs(first.originalStartLocal)), timeZone: zone },
    end: { dateTime: fmt(localAsUtcMs(first.originalStartLocal) + endMs - startMs), timeZone: zone },
  };
  const window = { start: new Date(first.startMs - 60 * DAY_MS).toISOString(), end: new Date(occurrences.at(-1)!.startMs).toISOString() };
  const instances: GraphEvent[] = [];
  occurrences.slice(0, -1).forEach((o, i) => {
    const originalStart = new Date(o.startMs).toISOString().slice(0, 19) + 'Z';
    const roll = rand();
    // Cancellations only away from the window's edges, where /instances proves them.
    if (roll < 0.08 && i > 0 && i < occurrences.length - 3) return;
    const exception = roll > 0.9;
    const shift = exception ? 3_600_000 : 0;
    instances.push({
      id: `${base.id}-${i}`,
      type: exception ? 'exception' : 'occurrence',
      seriesMasterId: base.id,
      originalStart,
      ...(exception ? { subject: `${base.subject} (moved)` } : {}),
      start: { dateTime: fmt(o.startMs + shift), timeZone: 'UTC' },
      end: { dateTime: fmt(o.endMs + shift), timeZone: 'UTC' },
    });
  });
  return { master, instances, window };
}
