import type { AttendeeRole, BusyStatus, ParticipationStatus } from '../../model/index.js';

/**
 * Property names and value tables shared by the reader and the writers, so both directions agree.
 */

/** Outlook's own busy status (TRANSP only knows free vs busy). */
export const CDO_BUSY = 'x-microsoft-cdo-busystatus';
/** Keeps 'personal' exact: iCalendar CLASS has no such value, so it travels as CLASS:PRIVATE + this. */
export const SENSITIVITY_X = 'x-calbridge-sensitivity';
/** Locations after the first (LOCATION may appear once, RFC 5545 §3.8.1.7). */
export const EXTRA_LOCATION_X = 'x-calbridge-location';
/** Parameter on EXTRA_LOCATION_X carrying "lat,lon". */
export const EXTRA_LOCATION_GEO_PARAM = 'x-calbridge-geo';
/** Meeting links other clients write, in the order the reader trusts them. */
export const MEETING_URL_PROPS = ['conference', 'x-google-conference', 'x-microsoft-skypeteamsmeetingurl', 'url'] as const;
export const ALT_DESC = 'x-alt-desc';
/** Outlook's all-day flag on midnight-to-midnight DATE-TIMEs. */
export const ALL_DAY_X = 'x-microsoft-cdo-alldayevent';

export const BUSY_TO_CDO: Record<BusyStatus, string> = {
  free: 'FREE',
  tentative: 'TENTATIVE',
  busy: 'BUSY',
  oof: 'OOF',
  workingElsewhere: 'WORKINGELSEWHERE',
  unknown: 'UNKNOWN',
};

export const CDO_TO_BUSY: Readonly<Record<string, BusyStatus>> = Object.fromEntries(
  Object.entries(BUSY_TO_CDO).map(([busy, cdo]) => [cdo, busy as BusyStatus]),
);

export const PARTSTAT_TO_STATUS: Readonly<Record<string, ParticipationStatus>> = {
  'NEEDS-ACTION': 'needs-action',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  DELEGATED: 'delegated',
};

export const STATUS_TO_PARTSTAT: Record<ParticipationStatus, string> = {
  'needs-action': 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
  delegated: 'DELEGATED',
};

export const ROLE_TO_ICAL: Record<AttendeeRole, { role: string; cutype?: string }> = {
  required: { role: 'REQ-PARTICIPANT' },
  optional: { role: 'OPT-PARTICIPANT' },
  chair: { role: 'CHAIR' },
  resource: { role: 'NON-PARTICIPANT', cutype: 'RESOURCE' },
};

/** "mailto:A@B" (any case) or an EMAIL parameter (RFC 7986 §6.2) → the address; undefined if neither. */
export function calAddressEmail(value: string, emailParam: string | undefined): string | undefined {
  if (emailParam) return emailParam;
  // /^mailto:(.+)$/i without a match array: "mailto:" in ASCII letters of any case (what /i without
  // the u flag matches here), then at least one character and no line terminator ('.' matches none).
  const v = value.trim();
  if (v.length <= MAILTO.length) return undefined;
  for (let i = 0; i < MAILTO.length; i++) if ((v.charCodeAt(i) | (i < 6 ? 32 : 0)) !== MAILTO.charCodeAt(i)) return undefined;
  const address = v.slice(MAILTO.length);
  return LINE_TERMINATOR.test(address) ? undefined : address;
}

const MAILTO = 'mailto:';
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;
