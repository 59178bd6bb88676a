import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque identifiers shaped like Exchange's: URL-safe base64 with '=' padding, case-sensitive
 * (graph-api.md §1). Occurrence ids are derived from (master id, original start) so they stay
 * stable across reads and can be resolved without state ("occurrence ids are stable").
 */

const KIND_ITEM = 0x00;
const KIND_CALENDAR = 0x01;
const KIND_OCCURRENCE = 0x07;
/** 'AAMk…' — the first three bytes of every Exchange store id. */
const STORE_PREFIX = [0x00, 0x03, 0x24];

function toId(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

function fromId(id: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(id)) return undefined;
  return Buffer.from(id.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function storeId(kind: number, payload: Buffer): string {
  return toId(Buffer.concat([Buffer.from([...STORE_PREFIX, kind]), payload]));
}

export function newEventId(): string {
  return storeId(KIND_ITEM, randomBytes(43));
}

export function newCalendarId(): string {
  return storeId(KIND_CALENDAR, randomBytes(31));
}

/** 22 random bytes, like the change keys in the samples ('ZlnW4RIAV06KYYwlrfNZvQAALfZeRQ=='). */
export function newChangeKey(): string {
  return randomBytes(22).toString('base64');
}

/** occurrenceKey: the original start as UTC 'YYYY-MM-DDTHH:mm:ssZ'. */
export function occurrenceId(masterId: string, originalStartKey: string): string {
  return storeId(KIND_OCCURRENCE, Buffer.from(`${masterId}|${originalStartKey}`, 'utf8'));
}

export interface OccurrenceRef {
  readonly masterId: string;
  readonly originalStartKey: string;
}

export function parseOccurrenceId(id: string): OccurrenceRef | undefined {
  const bytes = fromId(id);
  if (!bytes || bytes.length < 5 || bytes[3] !== KIND_OCCURRENCE) return undefined;
  if (STORE_PREFIX.some((b, i) => bytes[i] !== b)) return undefined;
  const text = bytes.subarray(4).toString('utf8');
  const bar = text.lastIndexOf('|');
  if (bar <= 0) return undefined;
  return { masterId: text.slice(0, bar), originalStartKey: text.slice(bar + 1) };
}

/** A stable GUID for a mailbox, so the same UPN always gets the same user id. */
export function mailboxGuid(upn: string): string {
  const h = createHash('sha1').update(`calbridge-emulator:${upn}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Outlook GlobalObjectId as hex (sample 01 iCalUId): class id, 4 instance-date bytes (zero for the
 * series), creation FILETIME, 8 reserved bytes, a length and 16 random bytes.
 */
const GOID_CLASS = '040000008200E00074C5B7101A82E008';

export function newICalUId(createdMs: number): string {
  const filetime = (BigInt(createdMs) + 11_644_473_600_000n) * 10_000n;
  const ft = Buffer.alloc(8);
  ft.writeBigUInt64LE(filetime);
  const tail = randomBytes(16).toString('hex');
  return `${GOID_CLASS}00000000${ft.toString('hex')}000000000000000010000000${tail}`.toUpperCase();
}

/**
 * v1.0 iCalUId differs per occurrence (MGDC:api-reference/v1.0/resources/event.md): Outlook writes the
 * instance's original date into bytes 16-19 of the master's GlobalObjectId (year:2, month:1, day:1).
 */
export function occurrenceICalUId(masterICalUId: string, originalDate: string): string {
  const [y, m, d] = originalDate.split('-').map(Number) as [number, number, number];
  const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
  const stamp = `${hex(y, 4)}${hex(m, 2)}${hex(d, 2)}`.toUpperCase();
  return `${masterICalUId.slice(0, 32)}${stamp}${masterICalUId.slice(40)}`;
}
