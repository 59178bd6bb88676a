/**
 * Microsoft Graph v1.0 calendar resources as they travel on the wire (JSON), shared by the
 * client side (src/graph, src/convert) and the emulator. Source:
 * https://learn.microsoft.com/graph/api/resources/event (MGDC:api-reference/v1.0/resources/event.md).
 * Responses carry every property (nulls included) unless $select is used, so most are optional here.
 */

export type GraphDayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
export type GraphWeekIndex = 'first' | 'second' | 'third' | 'fourth' | 'last';
export type GraphPatternType =
  | 'daily'
  | 'weekly'
  | 'absoluteMonthly'
  | 'relativeMonthly'
  | 'absoluteYearly'
  | 'relativeYearly';
export type GraphRangeType = 'endDate' | 'noEnd' | 'numbered';
export type GraphEventType = 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
export type GraphShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
export type GraphSensitivity = 'normal' | 'personal' | 'private' | 'confidential';
export type GraphImportance = 'low' | 'normal' | 'high';
export type GraphResponse =
  | 'none'
  | 'organizer'
  | 'tentativelyAccepted'
  | 'accepted'
  | 'declined'
  | 'notResponded';
export type GraphAttendeeType = 'required' | 'optional' | 'resource';

/** `dateTime` is local wall time without offset ('2017-04-15T11:00:00.0000000'); `timeZone` Windows or IANA. */
export interface GraphDateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface GraphRecurrencePattern {
  type: GraphPatternType;
  interval: number;
  month?: number;
  dayOfMonth?: number;
  daysOfWeek?: GraphDayOfWeek[];
  firstDayOfWeek?: GraphDayOfWeek;
  index?: GraphWeekIndex;
}

export interface GraphRecurrenceRange {
  type: GraphRangeType;
  /** 'YYYY-MM-DD' */
  startDate: string;
  /** 'YYYY-MM-DD'; '0001-01-01' when not an endDate range (as Graph returns it). */
  endDate?: string;
  recurrenceTimeZone?: string | null;
  numberOfOccurrences?: number;
}

export interface GraphPatternedRecurrence {
  pattern: GraphRecurrencePattern;
  range: GraphRecurrenceRange;
}

export interface GraphEmailAddress {
  name?: string | null;
  address?: string | null;
}

export interface GraphRecipient {
  emailAddress: GraphEmailAddress;
}

export interface GraphAttendee extends GraphRecipient {
  type?: GraphAttendeeType;
  status?: { response?: GraphResponse; time?: string };
}

export interface GraphPhysicalAddress {
  street?: string | null;
  city?: string | null;
  state?: string | null;
  countryOrRegion?: string | null;
  postalCode?: string | null;
}

export interface GraphLocation {
  displayName?: string | null;
  locationType?: string | null;
  uniqueId?: string | null;
  uniqueIdType?: string | null;
  locationUri?: string | null;
  address?: GraphPhysicalAddress | null;
  coordinates?: { latitude?: number | null; longitude?: number | null; [k: string]: unknown } | null;
}

export interface GraphItemBody {
  contentType: 'html' | 'text';
  content: string;
}

export interface GraphSingleValueExtendedProperty {
  id: string;
  value: string;
}

export interface GraphOnlineMeetingInfo {
  joinUrl?: string | null;
  conferenceId?: string | null;
  tollNumber?: string | null;
  [k: string]: unknown;
}

/** An event as Graph returns it (or as a client sends it: the writable subset). */
export interface GraphEvent {
  '@odata.etag'?: string;
  '@odata.type'?: string;
  id?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  changeKey?: string;
  categories?: string[];
  transactionId?: string | null;
  originalStartTimeZone?: string | null;
  originalEndTimeZone?: string | null;
  iCalUId?: string;
  reminderMinutesBeforeStart?: number;
  isReminderOn?: boolean;
  hasAttachments?: boolean;
  subject?: string | null;
  bodyPreview?: string;
  importance?: GraphImportance;
  sensitivity?: GraphSensitivity;
  isAllDay?: boolean;
  isCancelled?: boolean;
  isOrganizer?: boolean;
  responseRequested?: boolean;
  seriesMasterId?: string | null;
  showAs?: GraphShowAs;
  type?: GraphEventType;
  webLink?: string;
  onlineMeetingUrl?: string | null;
  isOnlineMeeting?: boolean;
  onlineMeetingProvider?: string;
  allowNewTimeProposals?: boolean;
  isDraft?: boolean;
  hideAttendees?: boolean;
  originalStart?: string | null;
  responseStatus?: { response?: GraphResponse; time?: string };
  body?: GraphItemBody;
  start?: GraphDateTimeTimeZone;
  end?: GraphDateTimeTimeZone;
  location?: GraphLocation;
  locations?: GraphLocation[];
  recurrence?: GraphPatternedRecurrence | null;
  attendees?: GraphAttendee[];
  organizer?: GraphRecipient;
  onlineMeeting?: GraphOnlineMeetingInfo | null;
  singleValueExtendedProperties?: GraphSingleValueExtendedProperty[];
  '@removed'?: { reason: string };
  [k: string]: unknown;
}

export interface GraphCalendar {
  id: string;
  name: string;
  color?: string;
  hexColor?: string;
  changeKey?: string;
  canShare?: boolean;
  canViewPrivateItems?: boolean;
  canEdit?: boolean;
  isRemovable?: boolean;
  isTallyingResponses?: boolean;
  owner?: GraphEmailAddress;
  allowedOnlineMeetingProviders?: string[];
  defaultOnlineMeetingProvider?: string;
  [k: string]: unknown;
}

export interface GraphCollectionPage<T> {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  value: T[];
}

/** Graph's error envelope (https://learn.microsoft.com/graph/errors). */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError?: { 'request-id'?: string; date?: string; 'client-request-id'?: string; [k: string]: unknown };
  };
}
