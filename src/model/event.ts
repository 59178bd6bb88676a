import type { RecurrenceRule } from './recurrence.js';
import type { EventTime } from './time.js';

/**
 * The neutral calendar model. The unit of sync is a CalendarItem: either one single event or one
 * series (master + overrides keyed by original start + cancelled original starts). One CalDAV
 * resource ⇄ one CalendarItem ⇄ one Graph singleInstance or seriesMaster with its exceptions.
 */

export type BusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
export type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';
export type Importance = 'low' | 'normal' | 'high';
export type EventStatus = 'confirmed' | 'tentative' | 'cancelled';
export type AttendeeRole = 'required' | 'optional' | 'resource' | 'chair';
export type ParticipationStatus =
  | 'needs-action'
  | 'accepted'
  | 'declined'
  | 'tentative'
  | 'delegated';

export interface Person {
  readonly email: string;
  readonly name?: string;
}

export interface Attendee extends Person {
  readonly role: AttendeeRole;
  readonly status: ParticipationStatus;
}

export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

export interface EventLocation {
  readonly displayName: string;
  readonly geo?: GeoPoint;
}

/** Everything about one occurrence except its place in a series. */
export interface EventFields {
  readonly summary: string;
  /** Plain-text description (iCalendar DESCRIPTION). */
  readonly description: string;
  /** HTML description when one exists (Graph body html, iCalendar X-ALT-DESC;FMTTYPE=text/html). */
  readonly descriptionHtml?: string;
  /** Locations in order; the first is the primary one (iCalendar LOCATION, Graph location). */
  readonly locations: readonly EventLocation[];
  readonly categories: readonly string[];
  readonly busyStatus: BusyStatus;
  readonly sensitivity: Sensitivity;
  readonly importance: Importance;
  /** Minutes before start for the primary reminder; undefined = no reminder. */
  readonly reminderMinutesBefore?: number;
  readonly status: EventStatus;
  /** Online meeting join URL (Graph onlineMeeting.joinUrl ⇄ iCalendar URL/CONFERENCE). */
  readonly onlineMeetingUrl?: string;
  readonly organizer?: Person;
  readonly attendees: readonly Attendee[];
}

/** An event with nothing said about it: what a Graph event or a VEVENT that only has times reads as. */
export const DEFAULT_EVENT_FIELDS: EventFields = {
  summary: '',
  description: '',
  locations: [],
  categories: [],
  busyStatus: 'busy',
  sensitivity: 'normal',
  importance: 'normal',
  status: 'confirmed',
  attendees: [],
};

export interface EventOccurrence extends EventFields {
  readonly start: EventTime;
  /** Exclusive end. For all-day events a DateValue one day (or more) after start. */
  readonly end: EventTime;
}

/**
 * Key of an occurrence inside its series: the original start as produced by
 * `occurrenceKey()` in ./keys.ts (UTC instant 'YYYY-MM-DDTHH:mm:ssZ' for zoned times,
 * 'YYYY-MM-DD' for dates, the local string for floating times).
 */
export type OccurrenceKey = string;

export interface SingleEvent {
  readonly kind: 'single';
  readonly uid: string;
  readonly event: EventOccurrence;
}

export interface CalendarSeries {
  readonly kind: 'series';
  readonly uid: string;
  /** The master: first occurrence's start/end and the series-wide fields. */
  readonly master: EventOccurrence;
  readonly rule: RecurrenceRule;
  /** Extra occurrence starts (RDATE); Graph cannot express these (fallback). */
  readonly rdates?: readonly import('./time.js').EventTime[];
  /** Modified occurrences keyed by their original start. */
  readonly overrides: Readonly<Record<OccurrenceKey, EventOccurrence>>;
  /** Original starts of cancelled (deleted) occurrences, sorted. */
  readonly cancelled: readonly OccurrenceKey[];
}

export type CalendarItem = SingleEvent | CalendarSeries;
