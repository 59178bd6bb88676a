import type { GraphAttendee, GraphLocation, GraphRecipient } from '../../graph/types.js';
import { wrapHtml } from './body.js';
import { GraphError, badRequest } from './errors.js';
import type { EventContent } from './store.js';
import { NEVER_TIMESTAMP, type StoredTime, ianaZoneOf, parseWallTime } from './time.js';

/**
 * Reads a POST/PATCH event body into normalised content. Enum values are accepted in any casing and
 * stored in Graph's lower-camel form (sample 02: "Monday" → "monday"); writable set from
 * MGDC:api-reference/v1.0/api/event-update.md. Read-only properties a client echoes back are ignored;
 * unknown ones are rejected as OData does.
 */

export interface EventInput {
  readonly content: Partial<EventContent>;
  /** undefined = not sent; null = stop recurring. Validated by the recurrence module. */
  readonly recurrence?: unknown;
  readonly extendedProperties?: ReadonlyArray<{ id: string; value: string }>;
  readonly transactionId?: string;
}

const READ_ONLY = new Set(
  [
    'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'iCalUId', 'uid', 'type', 'seriesMasterId',
    'originalStart', 'originalStartTimeZone', 'originalEndTimeZone', 'bodyPreview', 'webLink', 'hasAttachments',
    'isCancelled', 'isDraft', 'isOrganizer', 'responseStatus', 'onlineMeeting', 'onlineMeetingUrl', 'occurrenceId',
  ].map((s) => s.toLowerCase()),
);

function enumOf<const T extends string>(values: readonly T[], raw: unknown, property: string): T {
  const hit = typeof raw === 'string' ? values.find((v) => v.toLowerCase() === raw.toLowerCase()) : undefined;
  if (hit === undefined) {
    throw badRequest(`Requested value '${String(raw)}' was not found for property '${property}'.`, 'ErrorInvalidRequest');
  }
  return hit;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function expectType(ok: boolean, property: string, type: string, value: unknown): void {
  if (!ok) {
    throw badRequest(`Cannot convert the literal '${JSON.stringify(value)}' to the expected type '${type}' (${property}).`, 'RequestBodyRead');
  }
}

function bool(v: unknown, p: string): boolean {
  expectType(typeof v === 'boolean', p, 'Edm.Boolean', v);
  return v as boolean;
}

function str(v: unknown, p: string): string {
  expectType(typeof v === 'string' || v === null, p, 'Edm.String', v);
  return (v as string | null) ?? '';
}

function time(v: unknown, p: string): StoredTime {
  expectType(isObject(v), p, 'microsoft.graph.dateTimeTimeZone', v);
  const o = v as Record<string, unknown>;
  const zoneName = typeof o.timeZone === 'string' ? o.timeZone : '';
  return { local: parseWallTime(o.dateTime, `${p}.dateTime`), tz: ianaZoneOf(zoneName), zoneName };
}

/** Location as Graph echoes a written one (sample 01). */
function normaliseLocation(v: unknown): GraphLocation {
  expectType(isObject(v), 'location', 'microsoft.graph.location', v);
  const o = v as GraphLocation;
  const displayName = o.displayName ?? '';
  return {
    ...o,
    displayName,
    locationType: o.locationType ?? 'default',
    uniqueId: o.uniqueId ?? (displayName === '' ? null : displayName),
    uniqueIdType: o.uniqueIdType ?? (displayName === '' ? 'unknown' : 'private'),
  };
}

/** The empty location Graph reports when none is set (sample 11). */
export function emptyLocation(): GraphLocation {
  return { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} };
}

function attendee(v: unknown): GraphAttendee {
  expectType(isObject(v) && isObject(v.emailAddress), 'attendees', 'microsoft.graph.attendee', v);
  const o = v as unknown as GraphAttendee;
  const address = o.emailAddress.address ?? '';
  return {
    type: enumOf(['required', 'optional', 'resource'], o.type ?? 'required', 'type'),
    status: { response: 'none', time: NEVER_TIMESTAMP },
    emailAddress: { name: o.emailAddress.name ?? address, address },
  };
}

function recipient(v: unknown): GraphRecipient {
  expectType(isObject(v) && isObject(v.emailAddress), 'organizer', 'microsoft.graph.recipient', v);
  const e = (v as unknown as GraphRecipient).emailAddress;
  return { emailAddress: { name: e.name ?? e.address ?? '', address: e.address ?? '' } };
}

function stringArray(v: unknown, p: string): string[] {
  expectType(Array.isArray(v) && v.every((s) => typeof s === 'string'), p, 'Collection(Edm.String)', v);
  return [...(v as string[])];
}

function extendedProperties(v: unknown): Array<{ id: string; value: string }> {
  const ok = Array.isArray(v) && v.every((e) => isObject(e) && typeof e.id === 'string' && typeof e.value === 'string');
  expectType(ok, 'singleValueExtendedProperties', 'Collection(microsoft.graph.singleValueLegacyExtendedProperty)', v);
  return (v as Array<{ id: string; value: string }>).map((e) => ({ id: e.id, value: e.value }));
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type Setter = (content: Partial<EventContent>, value: unknown) => void;

const SETTERS: Record<string, Setter> = {
  subject: (c, v) => (c.subject = str(v, 'subject')),
  body: (c, v) => {
    expectType(isObject(v), 'body', 'microsoft.graph.itemBody', v);
    const o = v as Record<string, unknown>;
    const contentType = enumOf(['html', 'text'], o.contentType ?? 'text', 'contentType');
    const content = str(o.content ?? '', 'body.content');
    c.body = { contentType, content: contentType === 'html' ? wrapHtml(content) : content };
  },
  importance: (c, v) => (c.importance = enumOf(['low', 'normal', 'high'], v, 'importance')),
  sensitivity: (c, v) => (c.sensitivity = enumOf(['normal', 'personal', 'private', 'confidential'], v, 'sensitivity')),
  showAs: (c, v) =>
    (c.showAs = enumOf(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'], v, 'showAs')),
  isAllDay: (c, v) => (c.isAllDay = bool(v, 'isAllDay')),
  isReminderOn: (c, v) => (c.isReminderOn = bool(v, 'isReminderOn')),
  reminderMinutesBeforeStart: (c, v) => {
    expectType(Number.isInteger(v), 'reminderMinutesBeforeStart', 'Edm.Int32', v);
    c.reminderMinutesBeforeStart = v as number;
  },
  responseRequested: (c, v) => (c.responseRequested = bool(v, 'responseRequested')),
  allowNewTimeProposals: (c, v) => (c.allowNewTimeProposals = bool(v, 'allowNewTimeProposals')),
  hideAttendees: (c, v) => (c.hideAttendees = bool(v, 'hideAttendees')),
  isOnlineMeeting: (c, v) => (c.isOnlineMeeting = bool(v, 'isOnlineMeeting')),
  onlineMeetingProvider: (c, v) =>
    (c.onlineMeetingProvider = enumOf(
      ['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'],
      v,
      'onlineMeetingProvider',
    )),
  categories: (c, v) => (c.categories = stringArray(v, 'categories')),
  // "setting location replaces locations" (graph-api.md §2).
  location: (c, v) => {
    const loc = v === null ? emptyLocation() : normaliseLocation(v);
    c.location = loc;
    c.locations = loc.displayName ? [{ displayName: loc.displayName, locationType: loc.locationType, uniqueIdType: 'unknown' }] : [];
  },
  locations: (c, v) => {
    expectType(Array.isArray(v), 'locations', 'Collection(microsoft.graph.location)', v);
    c.locations = (v as unknown[]).map(normaliseLocation);
    c.location ??= c.locations[0] ?? emptyLocation();
  },
  attendees: (c, v) => {
    expectType(Array.isArray(v), 'attendees', 'Collection(microsoft.graph.attendee)', v);
    c.attendees = (v as unknown[]).map(attendee);
  },
  organizer: (c, v) => (c.organizer = recipient(v)),
  start: (c, v) => (c.start = time(v, 'start')),
  end: (c, v) => (c.end = time(v, 'end')),
};

export function parseEventInput(body: unknown): EventInput {
  if (!isObject(body)) throw badRequest('Empty Payload. JSON content expected.', 'BadRequest');
  const content: Partial<EventContent> = {};
  const input: Mutable<EventInput> = { content };
  // 'locations' applies after 'location': when both are sent, each keeps what was sent.
  const keys = Object.keys(body).sort((a, b) => Number(a === 'locations') - Number(b === 'locations'));
  for (const key of keys) {
    const value = body[key];
    if (key.startsWith('@odata.') || READ_ONLY.has(key.toLowerCase())) continue;
    const setter = Object.hasOwn(SETTERS, key) ? SETTERS[key] : undefined;
    if (setter) setter(content, value);
    else if (key === 'recurrence') input.recurrence = value;
    else if (key === 'singleValueExtendedProperties') input.extendedProperties = extendedProperties(value);
    else if (key === 'transactionId') input.transactionId = str(value, 'transactionId');
    else {
      throw new GraphError(
        400,
        'RequestBodyRead',
        `The property '${key}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
  }
  return input;
}
