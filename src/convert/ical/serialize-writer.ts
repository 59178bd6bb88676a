import { contentLine, escapeTextLines, lineHead, listValue, upperName, valueText } from './serialize-line.js';
import { TIME_PROPS, addZoneUse, noZoneUses, type ZoneUses } from './vtimezones.js';
import type { EventFields } from '../../model/index.js';
import { FIELD_ORDER, FIELD_PROPS, writeFieldProps } from './write-mapping.js';
import type { ComponentWriter, Params } from './write-spec.js';

const CRLF = '\r\n';

/** BEGIN and END lines per component name (static: the few components the writers open). */
const delimiterLines = new Map<string, { readonly begin: string; readonly end: string }>();

function delimiters(name: string): { readonly begin: string; readonly end: string } {
  let lines = delimiterLines.get(name);
  if (lines === undefined) {
    const upper = upperName(name);
    delimiterLines.set(name, (lines = { begin: `BEGIN:${upper}${CRLF}`, end: `END:${upper}${CRLF}` }));
  }
  return lines;
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
   * Per field (FIELD_ORDER index), the value the object's first VEVENT held and the lines written for
   * it. Overrides mostly hold the master's very objects (body, HTML, attendees …), and a field's lines
   * depend on its value alone (FIELD_PROPS), so they are written once per object. Lives for one object.
   */
  private readonly fieldValues: unknown[] = [];
  private readonly fieldLines: string[] = [];
  /** TZIDs the time properties of the open VEVENT use: property name, TZID and value (or values), three entries each. */
  private readonly zoneUses: (string | number | readonly (string | number)[])[] = [];
  /** Lines of parameterless properties written so far: name, value, type, line (plainLine). */
  private readonly plain: (string | number)[] = [];
  private veventsEnded = 0;

  /** `oneVevent`: the object holds a single VEVENT, so no field's lines are kept for another. */
  constructor(private readonly oneVevent = false) {}

  begin(name: string): void {
    this.out += delimiters(name).begin;
  }

  end(name: string): void {
    if (name === 'vevent') {
      this.flushZones();
      this.veventsEnded++;
    }
    this.out += delimiters(name).end;
  }

  /** Text already in content lines (a cached VTIMEZONE), without its last line end. */
  raw(text: string): void {
    this.out += text + CRLF;
  }

  prop(name: string, type: string, value: string | number, params?: Params): void {
    if (params === undefined) {
      this.out += this.plainLine(name, type, value);
      return;
    }
    if (params.tzid !== undefined) this.useZone(name, params.tzid, value);
    this.out += contentLine(lineHead(name, type, params), valueText(value, type));
  }

  /**
   * A property without parameters; every VEVENT of an object repeats some (UID, DTSTAMP, the
   * reminder's ACTION and TRIGGER), so each such line is written once per object.
   */
  private plainLine(name: string, type: string, value: string | number): string {
    const plain = this.plain;
    // Only a later VEVENT repeats a line: the first (a single event's only one) just records its lines.
    if (this.veventsEnded > 0) {
      for (let k = 0; k < plain.length; k += 4) {
        if (plain[k] === name && plain[k + 1] === value && plain[k + 2] === type) return plain[k + 3] as string;
      }
    }
    const line = contentLine(lineHead(name, type), valueText(value, type));
    plain.push(name, value, type, line);
    return line;
  }

  text(name: string, value: string, params?: Params): void {
    this.out += contentLine(lineHead(name, 'text', params), escapeTextLines(value));
  }

  list(name: string, type: string, values: readonly (string | number)[], params?: Params, structured = false): void {
    if (params?.tzid !== undefined) this.useZone(name, params.tzid, values);
    this.out += contentLine(lineHead(name, type, params), listValue(name, type, values, structured));
  }

  fields(n: EventFields): void {
    if (this.oneVevent) {
      writeFieldProps(n, this);
      return;
    }
    const first = this.fieldLines.length === 0;
    for (let i = 0; i < FIELD_ORDER.length; i++) {
      const key = FIELD_ORDER[i]!;
      if (first) {
        const before = this.out;
        this.out = '';
        FIELD_PROPS[key](n, this);
        this.fieldValues.push(n[key]);
        this.fieldLines.push(this.out);
        this.out = before + this.out;
      } else if (n[key] === this.fieldValues[i]) {
        this.out += this.fieldLines[i];
      } else {
        FIELD_PROPS[key](n, this);
      }
    }
  }

  /** TZIDs of the VEVENT in the order addMissingVtimezones finds them (TIME_PROPS), which orders the VTIMEZONEs. */
  private flushZones(): void {
    const uses = this.zoneUses;
    for (const name of TIME_PROPS) {
      for (let i = 0; i < uses.length; i += 3) {
        if (uses[i] !== name) continue;
        const tzid = uses[i + 1] as string;
        const value = uses[i + 2]!;
        if (typeof value !== 'object') addZoneUse(this.zones, tzid, value);
        else for (const v of value) addZoneUse(this.zones, tzid, v);
      }
    }
    uses.length = 0;
  }

  private useZone(name: string, tzid: string, value: string | number | readonly (string | number)[]): void {
    this.zoneUses.push(name, tzid, value);
  }
}
