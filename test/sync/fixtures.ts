import { DEFAULT_EVENT_FIELDS, type CalendarItem, type CalendarSeries, type EventOccurrence, type SingleEvent } from '../../src/model/event.js';

export function occurrence(over: Partial<EventOccurrence> = {}): EventOccurrence {
  return {
    ...DEFAULT_EVENT_FIELDS,
    summary: 'Standup',
    description: 'daily sync',
    locations: [{ displayName: 'Room 1' }],
    reminderMinutesBefore: 15,
    start: { kind: 'zoned', local: '2026-12-01T09:00:00', tz: 'Europe/Berlin' },
    end: { kind: 'zoned', local: '2026-12-01T09:15:00', tz: 'Europe/Berlin' },
    ...over,
  };
}

export function single(uid = 'single-1', over: Partial<EventOccurrence> = {}): SingleEvent {
  return { kind: 'single', uid, event: occurrence(over) };
}

export function series(uid = 'series-1', over: Partial<CalendarSeries> = {}): CalendarSeries {
  return {
    kind: 'series',
    uid,
    master: occurrence(),
    rule: { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'TU' }] },
    overrides: {},
    cancelled: [],
    ...over,
  };
}

export function withSummary(item: CalendarItem, summary: string): CalendarItem {
  return item.kind === 'single' ? { ...item, event: { ...item.event, summary } } : { ...item, master: { ...item.master, summary } };
}
