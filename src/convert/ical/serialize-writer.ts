import { contentLine, escapeTextLines, lineHead, listValue, valueText } from './serialize-line.js';
import { TIME_PROPS, addZoneUse, noZoneUses, type ZoneUses } from './vtimezones.js';
import type { ComponentWriter, Params } from './write-spec.js';

const CRLF = '\r\n';

/** Values shorter than this are cheaper to write again than to look up. */
const MEMO_MIN_LENGTH = 64;

interface Written {
  readonly head: string;
  readonly value: string;
  /** Written by text() (line breaks normalized) rather than prop(). */
  readonly lines: boolean;
  readonly line: string;
}

/** A TZID a time property of the open VEVENT uses, with the values that need its years. */
interface ZoneUse {
  readonly name: string;
  readonly tzid: string;
  readonly values: readonly (string | number)[];
}

/** BEGIN/END names in upper case (static: the few component names we write). */
const upperNames = new Map<string, string>();

function upperName(name: string): string {
  let upper = upperNames.get(name);
  if (upper === undefined) upperNames.set(name, (upper = name.toUpperCase()));
  return upper;
}

/**
 * The text of ONE iCalendar object, written line by line as the mapping calls (see serialize-line.ts
 * for why not ical.js). It also notes the TZIDs the time properties use, for the VTIMEZONEs.
 */
export class IcsTextWriter implements ComponentWriter {
  /** The object so far, CRLF after every line. */
  out = '';
  readonly zones: ZoneUses = noZoneUses();
  /**
   * Overrides repeat the master's long DESCRIPTION and HTML, so a long single value is escaped and
   * folded once per object. The few long lines of an object are compared directly (string equality is
   * a length check and a memcmp; a Map would hash them).
   */
  private readonly written: Written[] = [];
  private readonly veventZones: ZoneUse[] = [];

  begin(name: string): void {
    this.out += `BEGIN:${upperName(name)}${CRLF}`;
  }

  end(name: string): void {
    if (name === 'vevent') this.flushZones();
    this.out += `END:${upperName(name)}${CRLF}`;
  }

  /** Text already in content lines (a cached VTIMEZONE), without its last line end. */
  raw(text: string): void {
    this.out += text + CRLF;
  }

  prop(name: string, type: string, value: string | number, params?: Params): void {
    const head = lineHead(name, type, params);
    if (params?.tzid !== undefined) this.veventZones.push({ name, tzid: params.tzid, values: [value] });
    if (typeof value === 'string' && value.length >= MEMO_MIN_LENGTH) this.out += this.memo(head, params, value, type, false);
    else this.out += contentLine(head, params, valueText(value, type)) + CRLF;
  }

  text(name: string, value: string, params?: Params): void {
    const head = lineHead(name, 'text', params);
    if (value.length >= MEMO_MIN_LENGTH) this.out += this.memo(head, params, value, 'text', true);
    else this.out += contentLine(head, params, escapeTextLines(value)) + CRLF;
  }

  list(name: string, type: string, values: readonly (string | number)[], params?: Params, structured = false): void {
    if (params?.tzid !== undefined) this.veventZones.push({ name, tzid: params.tzid, values });
    this.out += contentLine(lineHead(name, type, params), params, listValue(name, type, values, structured)) + CRLF;
  }

  /** The line for a long single value, written once per object. */
  private memo(head: string, params: Params | undefined, value: string, type: string, lines: boolean): string {
    // The head decides where the folds fall, so it is part of what must match.
    for (const w of this.written) if (w.value === value && w.head === head && w.lines === lines) return w.line;
    const line = contentLine(head, params, lines ? escapeTextLines(value) : valueText(value, type)) + CRLF;
    this.written.push({ head, value, lines, line });
    return line;
  }

  /** TZIDs of the VEVENT in the order addMissingVtimezones finds them (TIME_PROPS), which orders the VTIMEZONEs. */
  private flushZones(): void {
    const uses = this.veventZones;
    for (const name of TIME_PROPS) for (const u of uses) if (u.name === name) addZoneUse(this.zones, u.tzid, u.values);
    uses.length = 0;
  }
}
