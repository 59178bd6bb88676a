import ICAL from 'ical.js';
import type { EventFields } from '../../model/index.js';

/**
 * What the field mapping writes to: one interface, two writers. serialize-writer.ts writes content
 * lines straight into the text of an object written from scratch (no intermediate objects on the hot
 * path); the collector below (and write-builder.ts) describe properties for the ical.js objects we
 * patch in place.
 */

export type Params = Readonly<Record<string, string>>;

export interface PropWriter {
  /** One property with one value of jCal type `type` (RFC 7265 §3.4), lower-case name. */
  prop(name: string, type: string, value: string | number, params?: Params): void;
  /**
   * A TEXT property whose line breaks (CRLF, CR) the writer turns into LF: iCalendar TEXT knows one
   * line break (RFC 5545 §3.3.11), and a bare CR would end the content line.
   */
  text(name: string, value: string, params?: Params): void;
  /** A list (CATEGORIES, EXDATE) or, when `structured`, one structured value (GEO, RFC 5545 §3.8.1.6). */
  list(name: string, type: string, values: readonly (string | number)[], params?: Params, structured?: boolean): void;
}

export interface ComponentWriter extends PropWriter {
  begin(name: string): void;
  end(name: string): void;
  /**
   * The mapped fields' properties (write-mapping.ts writeFieldProps). The text writer may replay what
   * a field wrote for an earlier VEVENT of the same object when the field holds the very same value.
   */
  fields(n: EventFields): void;
}

/** One property in jCal's terms: lower-case name, parameters, value type, values. */
export interface PropSpec {
  readonly name: string;
  readonly params: Params;
  readonly type: string;
  readonly values: readonly (string | number)[];
  readonly structured?: boolean;
}

/**
 * The empty parameter set, shared (writers copy parameters before anything edits them). Shared
 * parameter sets are frozen: the text writer memoizes the line heads of frozen sets (serialize-line.ts).
 */
export const NO_PARAMS: Params = Object.freeze({});

/** CRLF and CR as LF (see PropWriter.text); also for TEXT lists and parameter values (RFC 6868 knows only ^n). */
export const lineBreaks = (s: string): string => (s.includes('\r') ? s.replaceAll('\r\n', '\n').replaceAll('\r', '\n') : s);

/** The properties written, as PropSpecs (for the in-place writers of write-fields.ts). */
export class PropCollector implements PropWriter {
  readonly props: PropSpec[] = [];

  prop(name: string, type: string, value: string | number, params: Params = NO_PARAMS): void {
    this.props.push({ name, params, type, values: [value] });
  }

  text(name: string, value: string, params: Params = NO_PARAMS): void {
    this.prop(name, 'text', lineBreaks(value), params);
  }

  list(name: string, type: string, values: readonly (string | number)[], params: Params = NO_PARAMS, structured = false): void {
    this.props.push(structured ? { name, params, type, values, structured } : { name, params, type, values });
  }
}

/** The ical.js property for a spec (its parameters copied: ical.js edits them in place). */
export function toProperty(spec: PropSpec): ICAL.Property {
  const head: [string, Record<string, string>, string] = [spec.name, { ...spec.params }, spec.type];
  return new ICAL.Property(spec.structured ? [...head, [...spec.values]] : [...head, ...spec.values]);
}
