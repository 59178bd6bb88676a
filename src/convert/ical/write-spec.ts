import ICAL from 'ical.js';

/**
 * Neutral descriptions of what we write: the field mapping produces these once, and two writers
 * consume them — serialize-line.ts turns them into text for objects written from scratch, and the
 * adapters below turn them into ical.js objects for objects patched in place.
 */

/** One property in jCal's terms (RFC 7265 §3.4): lower-case name, parameters, value type, values. */
export interface PropSpec {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  readonly type: string;
  readonly values: readonly (string | number)[];
  /** One structured value whose parts are `values` (GEO, RFC 5545 §3.8.1.6), rather than a list. */
  readonly structured?: boolean;
}

export interface ComponentSpec {
  readonly name: string;
  readonly props: readonly PropSpec[];
  readonly components: readonly ComponentSpec[];
}

export function propSpec(name: string, type: string, value: string | number, params: Readonly<Record<string, string>> = {}): PropSpec {
  return { name, params, type, values: [value] };
}

/** The ical.js property for a spec (its parameters copied: ical.js edits them in place). */
export function toProperty(spec: PropSpec): ICAL.Property {
  const head: [string, Record<string, string>, string] = [spec.name, { ...spec.params }, spec.type];
  return new ICAL.Property(spec.structured ? [...head, [...spec.values]] : [...head, ...spec.values]);
}

export function toComponent(spec: ComponentSpec): ICAL.Component {
  const c = new ICAL.Component(spec.name);
  for (const p of spec.props) c.addProperty(toProperty(p));
  for (const sub of spec.components) c.addSubcomponent(toComponent(sub));
  return c;
}
