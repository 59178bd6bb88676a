import type { GraphPatternedRecurrence } from '../../graph/types.js';
import { RecurrenceValidationError, validateRecurrence } from '../recurrence/index.js';
import { GraphError, badRequest, itemNotFound } from './errors.js';
import { type EventInput, emptyLocation } from './event-input.js';
import { sameExtendedPropertyId } from './filters.js';
import { newChangeKey, newEventId, newICalUId, parseOccurrenceId } from './ids.js';
import { type SeriesInstance, assertWithinNeighbours, instanceAt } from './series.js';
import type { EventContent, Mailbox, StoredEvent } from './store.js';
import { type StoredTime, ianaZoneOf, storedTimeToMs } from './time.js';

/** What an event id names: a stored item (single or master) or one instance of a series. */
export type EventTarget =
  | { readonly kind: 'stored'; readonly event: StoredEvent }
  | { readonly kind: 'instance'; readonly instance: SeriesInstance };

/** Find an event by id, optionally only inside some calendars. Unknown → 404 ErrorItemNotFound. */
export function resolveEvent(mailbox: Mailbox, id: string, calendarIds?: ReadonlySet<string>): EventTarget {
  const inScope = (e: StoredEvent): boolean => !calendarIds || calendarIds.has(e.calendarId);
  const stored = mailbox.events.get(id);
  if (stored && inScope(stored)) return { kind: 'stored', event: stored };
  const ref = parseOccurrenceId(id);
  const master = ref ? mailbox.events.get(ref.masterId) : undefined;
  const instance = master && master.recurrence && inScope(master) ? instanceAt(master, ref!.originalStartKey) : undefined;
  if (instance) return { kind: 'instance', instance };
  throw itemNotFound();
}

const changeKeyOf = (t: EventTarget): string => (t.kind === 'stored' ? t.event.changeKey : t.instance.master.changeKey);

/**
 * Optimistic concurrency: a stale `If-Match` answers 412 ErrorIrresolvableConflict (graph-api.md §9.4;
 * observed wording from Microsoft Q&A 271870). `*` matches any version.
 */
export function checkIfMatch(target: EventTarget, ifMatch: string | undefined): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const tag = ifMatch.trim().replace(/^W\//i, '').replace(/^"|"$/g, '');
  if (tag !== changeKeyOf(target)) {
    throw new GraphError(
      412,
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
  }
}

const propertyValidation = (): GraphError =>
  new GraphError(400, 'ErrorPropertyValidationFailure', 'At least one property failed validation.');

/**
 * "If true, regardless of whether it's a single-day or multi-day event, start and end time must be
 * set to midnight and be in the same time zone" (MGDC:api-reference/v1.0/resources/event.md, isAllDay).
 */
function validateContent(c: Partial<EventContent>): asserts c is EventContent {
  if (!c.start || !c.end) throw propertyValidation();
  if (storedTimeToMs(c.end) < storedTimeToMs(c.start)) {
    throw new GraphError(400, 'ErrorCalendarEndDateIsEarlierThanStartDate', 'The end date occurs before the start date.');
  }
  if (c.isAllDay) {
    const midnight = (local: string): boolean => local.endsWith('T00:00:00');
    const sameZone = c.start.zoneName.toLowerCase() === c.end.zoneName.toLowerCase();
    if (!midnight(c.start.local) || !midnight(c.end.local) || !sameZone || c.end.local <= c.start.local) {
      throw propertyValidation();
    }
  }
}

function recurrenceOf(raw: unknown, content: EventContent): GraphPatternedRecurrence | null {
  if (raw === null) return null;
  try {
    const r = validateRecurrence(raw, content.start.zoneName);
    ianaZoneOf(r.range.recurrenceTimeZone ?? content.start.zoneName);
    return r;
  } catch (e) {
    if (e instanceof RecurrenceValidationError) throw badRequest(e.message, e.code);
    throw e;
  }
}

function writeExtendedProperties(event: StoredEvent, input: EventInput): void {
  for (const { id, value } of input.extendedProperties ?? []) {
    const existing = [...event.extendedProperties.keys()].find((k) => sameExtendedPropertyId(k, id));
    if (existing !== undefined) event.extendedProperties.delete(existing);
    event.extendedProperties.set(id, value);
  }
}

function defaultContent(mailbox: Mailbox): Omit<EventContent, 'start' | 'end'> {
  return {
    subject: '',
    body: { contentType: 'html', content: '' },
    importance: 'normal',
    sensitivity: 'normal',
    showAs: 'busy',
    isAllDay: false,
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    responseRequested: true,
    allowNewTimeProposals: true,
    hideAttendees: false,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    categories: [],
    location: emptyLocation(),
    locations: [],
    attendees: [],
    organizer: { emailAddress: { name: mailbox.displayName, address: mailbox.upn } },
  };
}

/**
 * POST an event. "transactionId: A custom identifier specified by a client app for the server to avoid
 * redundant POST operations in case of client retries" (MGDC:api-reference/v1.0/resources/event.md):
 * a repeat with a known transactionId returns the existing event instead of a duplicate.
 */
export function createEvent(mailbox: Mailbox, calendarId: string, input: EventInput, nowMs: number): StoredEvent {
  if (input.transactionId) {
    const existing = mailbox.events.get(mailbox.transactions.get(input.transactionId) ?? '');
    if (existing) return existing;
  }
  const content: Partial<EventContent> = { ...defaultContent(mailbox), ...input.content };
  validateContent(content);
  const event: StoredEvent = {
    id: newEventId(),
    calendarId,
    createdMs: nowMs,
    modifiedMs: nowMs,
    changeKey: newChangeKey(),
    iCalUId: newICalUId(nowMs),
    transactionId: input.transactionId ?? null,
    content,
    recurrence: input.recurrence === undefined ? null : recurrenceOf(input.recurrence, content),
    exceptions: new Map(),
    cancelled: new Set(),
    extendedProperties: new Map(),
  };
  writeExtendedProperties(event, input);
  mailbox.events.set(event.id, event);
  if (input.transactionId) mailbox.transactions.set(input.transactionId, event.id);
  return event;
}

function touch(event: StoredEvent, nowMs: number): void {
  event.changeKey = newChangeKey();
  event.modifiedMs = Math.max(nowMs, event.modifiedMs);
}

const sameTime = (a: StoredTime, b: StoredTime): boolean => a.local === b.local && a.tz === b.tz;

/** Whether the series' occurrences move: a changed start, end, all-day flag or pattern (resending equal values is not a change). */
function reshapes(event: StoredEvent, next: EventContent, recurrence: GraphPatternedRecurrence | null): boolean {
  const before = event.content;
  return (
    !sameTime(before.start, next.start) ||
    !sameTime(before.end, next.end) ||
    before.isAllDay !== next.isAllDay ||
    JSON.stringify(event.recurrence) !== JSON.stringify(recurrence)
  );
}

/**
 * PATCH a single event or a series master: only the given fields change. Changing a master's
 * start, end, all-day flag or recurrence discards its exceptions and cancellations — Outlook's
 * behaviour when a pattern changes (graph-api.md §7, "typically discards existing exceptions"):
 * their original starts may no longer exist in the new pattern.
 */
function updateStored(event: StoredEvent, input: EventInput, nowMs: number): void {
  if (input.transactionId !== undefined && input.transactionId !== event.transactionId) {
    throw badRequest('The transactionId of an event cannot be changed.', 'ErrorInvalidRequest');
  }
  const content: Partial<EventContent> = { ...event.content, ...input.content };
  validateContent(content);
  const recurrence = input.recurrence === undefined ? event.recurrence : recurrenceOf(input.recurrence, content);
  if (reshapes(event, content, recurrence)) {
    event.exceptions.clear();
    event.cancelled.clear();
  }
  event.content = content;
  event.recurrence = recurrence;
  writeExtendedProperties(event, input);
  touch(event, nowMs);
}

/** PATCH of an occurrence turns it into an exception (MGDC:api-reference/v1.0/api/event-update.md). */
function updateInstance(instance: SeriesInstance, input: EventInput, nowMs: number): void {
  if (input.recurrence !== undefined) {
    throw badRequest('The recurrence of an occurrence or exception cannot be set.', 'ErrorInvalidRequest');
  }
  const content: Partial<EventContent> = { ...instance.content, ...input.content };
  validateContent(content);
  if (input.content.start || input.content.end) assertWithinNeighbours(instance, content.start);
  const master = instance.master;
  const overrides = { ...master.exceptions.get(instance.key)?.overrides, ...input.content };
  master.exceptions.set(instance.key, { overrides, modifiedMs: nowMs });
  // Exceptions live inside the master item; extended properties are kept on the series.
  writeExtendedProperties(master, input);
  touch(master, nowMs);
}

/** Apply a PATCH and return the target as it now reads. */
export function updateEvent(target: EventTarget, input: EventInput, nowMs: number): EventTarget {
  if (target.kind === 'stored') {
    updateStored(target.event, input, nowMs);
    return target;
  }
  updateInstance(target.instance, input, nowMs);
  const refreshed = instanceAt(target.instance.master, target.instance.key);
  if (!refreshed) throw new Error(`instance ${target.instance.key} vanished after update`);
  return { kind: 'instance', instance: refreshed };
}

/** DELETE: a stored item goes (a master takes its series with it); an occurrence is cancelled. */
export function deleteEvent(mailbox: Mailbox, target: EventTarget, nowMs: number): void {
  if (target.kind === 'stored') {
    mailbox.events.delete(target.event.id);
    return;
  }
  const { master, key } = target.instance;
  master.exceptions.delete(key);
  master.cancelled.add(key);
  touch(master, nowMs);
}
