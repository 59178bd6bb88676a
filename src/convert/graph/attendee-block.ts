import type { Attendee, AttendeeRole, ParticipationStatus } from '../../model/index.js';
import { appendToHtmlBody, escapeHtml } from './html-write.js';

/**
 * Writing attendees to Graph makes Exchange email invitations (graph-api.md §9.1; peers.md §c pain 6).
 * Unless the caller opts in, attendees travel in the body instead, as a block that reads well and
 * parses back, so the attendee list survives a round trip through Graph:
 *
 *   Attendees (kept by calbridge, not invited):
 *   - Ada Lovelace <ada@example.org> (required, accepted)
 *   - bob@example.org (optional, needs-action)
 */

export const ATTENDEE_BLOCK_HEADING = 'Attendees (kept by calbridge, not invited):';
const HTML_CLASS = 'calbridge-attendees';

const ROLES: readonly AttendeeRole[] = ['required', 'optional', 'resource', 'chair'];
const STATUSES: readonly ParticipationStatus[] = ['needs-action', 'accepted', 'declined', 'tentative', 'delegated'];

/** How a line is spelled: as text, or as HTML (the name and address escaped, the brackets as entities). */
interface LineSpelling {
  readonly escape: (s: string) => string;
  readonly lt: string;
  readonly gt: string;
}
const AS_TEXT: LineSpelling = { escape: (s) => s, lt: '<', gt: '>' };
/**
 * The HTML of a text line, escapeHtml(line), built from its parts: the rest is fixed text (role and
 * status are lower-case words), and names and addresses seldom hold anything to escape (no copy then).
 */
const AS_HTML: LineSpelling = { escape: escapeHtml, lt: '&lt;', gt: '&gt;' };

function line(a: Attendee, spelling: LineSpelling = AS_TEXT): string {
  const email = spelling.escape(a.email);
  const who = a.name ? `${spelling.escape(a.name)} ${spelling.lt}${email}${spelling.gt}` : email;
  return `- ${who} (${a.role}, ${a.status})`;
}

function attendeeBlockText(attendees: readonly Attendee[]): string {
  return [ATTENDEE_BLOCK_HEADING, ...attendees.map((a) => line(a))].join('\n');
}

export function appendAttendeeText(text: string, attendees: readonly Attendee[]): string {
  if (attendees.length === 0) return text;
  return text ? `${text}\n\n${attendeeBlockText(attendees)}` : attendeeBlockText(attendees);
}

const HTML_OPENING = `<div class="${HTML_CLASS}"><br>${escapeHtml(ATTENDEE_BLOCK_HEADING)}`;

export function appendAttendeeHtml(html: string, attendees: readonly Attendee[]): string {
  if (attendees.length === 0) return html;
  let block = HTML_OPENING;
  for (const a of attendees) block += `<br>${line(a, AS_HTML)}`;
  return appendToHtmlBody(html, `${block}</div>`);
}

const LINE_RE = /^- (?:(.*) <([^<>\s]+)>|([^<>\s]+)) \(([a-z]+), ([a-z-]+)\)$/;

function parseLine(s: string): Attendee | undefined {
  const m = LINE_RE.exec(s.trim());
  if (!m) return undefined;
  const role = ROLES.find((r) => r === m[4]);
  const status = STATUSES.find((st) => st === m[5]);
  if (!role || !status) return undefined;
  const email = m[2] ?? m[3]!;
  return m[1] ? { email, name: m[1], role, status } : { email, role, status };
}

export interface ExtractedAttendees {
  readonly text: string;
  readonly attendees: readonly Attendee[];
}

/** Splits a trailing attendee block off a plain-text description; undefined when there is none. */
export function extractAttendeeText(text: string): ExtractedAttendees | undefined {
  const at = text.lastIndexOf(ATTENDEE_BLOCK_HEADING);
  if (at < 0) return undefined;
  const lines = text.slice(at + ATTENDEE_BLOCK_HEADING.length).split('\n').filter((l) => l.trim() !== '');
  const attendees = lines.map(parseLine);
  if (attendees.length === 0 || attendees.some((a) => a === undefined)) return undefined;
  return { text: text.slice(0, at).trim(), attendees: attendees as Attendee[] };
}

/** Removes the block appendAttendeeHtml added (as far as Outlook kept it recognisable). */
export function stripAttendeeHtml(html: string): string {
  return html.replace(new RegExp(`<div class="${HTML_CLASS}">[\\s\\S]*?</div>`), '');
}
