import type {
  GraphAttendee,
  GraphImportance,
  GraphItemBody,
  GraphLocation,
  GraphPatternedRecurrence,
  GraphRecipient,
  GraphSensitivity,
  GraphShowAs,
} from '../../graph/types.js';
import { mailboxGuid, newCalendarId, newChangeKey } from './ids.js';
import type { StoredTime } from './time.js';

/** The writable content of an event (MGDC:api-reference/v1.0/api/event-update.md, writable set), normalised. */
export interface EventContent {
  subject: string;
  body: GraphItemBody;
  importance: GraphImportance;
  sensitivity: GraphSensitivity;
  showAs: GraphShowAs;
  isAllDay: boolean;
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  responseRequested: boolean;
  allowNewTimeProposals: boolean;
  hideAttendees: boolean;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  categories: string[];
  location: GraphLocation;
  locations: GraphLocation[];
  attendees: GraphAttendee[];
  organizer: GraphRecipient;
  start: StoredTime;
  end: StoredTime;
}

/** A modified occurrence: only what differs from the master. Its version is the master's changeKey. */
export interface ExceptionRecord {
  overrides: Partial<EventContent>;
  modifiedMs: number;
}

export interface StoredEvent {
  readonly id: string;
  calendarId: string;
  readonly createdMs: number;
  modifiedMs: number;
  changeKey: string;
  readonly iCalUId: string;
  readonly transactionId: string | null;
  content: EventContent;
  recurrence: GraphPatternedRecurrence | null;
  /** Keyed by original start, UTC 'YYYY-MM-DDTHH:mm:ssZ'. */
  readonly exceptions: Map<string, ExceptionRecord>;
  /** Original starts of deleted occurrences. */
  readonly cancelled: Set<string>;
  /** singleValueExtendedProperties: id (as written) → value. */
  readonly extendedProperties: Map<string, string>;
}

export interface StoredCalendar {
  readonly id: string;
  name: string;
  color: string;
  hexColor: string;
  changeKey: string;
  readonly isDefault: boolean;
}

export interface Mailbox {
  /** Stable GUID used as the user id. */
  readonly id: string;
  /** Lower-cased user principal name. */
  readonly upn: string;
  readonly displayName: string;
  readonly calendars: Map<string, StoredCalendar>;
  readonly defaultCalendarId: string;
  readonly events: Map<string, StoredEvent>;
  /** transactionId → event id, for idempotent POST (MGDC:api-reference/v1.0/resources/event.md, transactionId). */
  readonly transactions: Map<string, string>;
}

function displayNameOf(upn: string): string {
  const local = upn.split('@')[0] ?? upn;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

export function newCalendar(name: string, isDefault: boolean): StoredCalendar {
  return { id: newCalendarId(), name, color: 'auto', hexColor: '', changeKey: newChangeKey(), isDefault };
}

/** Mailboxes by lower-cased UPN, addressable by UPN or by their GUID. */
export class MailboxDirectory {
  private readonly byUpn = new Map<string, Mailbox>();
  private readonly byId = new Map<string, Mailbox>();

  /** An existing mailbox by UPN (case-insensitive) or by its GUID. */
  find(idOrUpn: string): Mailbox | undefined {
    const key = idOrUpn.toLowerCase();
    return this.byUpn.get(key) ?? this.byId.get(key);
  }

  /** A mailbox is created on first use of its UPN, with a default calendar named "Calendar". */
  ensure(upn: string): Mailbox {
    const existing = this.find(upn);
    if (existing) return existing;
    const key = upn.toLowerCase();
    const calendar = newCalendar('Calendar', true);
    const mailbox: Mailbox = {
      id: mailboxGuid(key),
      upn: key,
      displayName: displayNameOf(key),
      calendars: new Map([[calendar.id, calendar]]),
      defaultCalendarId: calendar.id,
      events: new Map(),
      transactions: new Map(),
    };
    this.byUpn.set(key, mailbox);
    this.byId.set(mailbox.id, mailbox);
    return mailbox;
  }
}
