import ICAL from 'ical.js';
import type { JcalProperty } from './lex.js';

/**
 * Reading a component's properties from its jCal arrays, without ical.js's Property wrappers (which
 * hydrate and decorate every value they touch). Each helper gives what the Component/Property API
 * call named in its comment gives.
 */

interface ValueDesign {
  decorate?: unknown;
  toICAL?: (value: unknown) => string;
}
const VALUES = (ICAL.design as unknown as { icalendar: { value: Record<string, ValueDesign> } }).icalendar.value;
const numericDayToIcalDay = (ICAL.Recur as unknown as { numericDayToIcalDay(day: number): string }).numericDayToIcalDay;
/** Upper-case names of the rule parts clients write (others are upper-cased as met). */
const PART_NAMES: Readonly<Record<string, string>> = {
  freq: 'FREQ', interval: 'INTERVAL', count: 'COUNT', until: 'UNTIL', wkst: 'WKST', byday: 'BYDAY', bymonth: 'BYMONTH',
  bymonthday: 'BYMONTHDAY', bysetpos: 'BYSETPOS',
};
/** The value types ical.js wraps in objects (Time, Duration, Recur …): `type in VALUES && 'decorate' in VALUES[type]`. */
const DECORATED = new Set(Object.keys(VALUES).filter((type) => 'decorate' in VALUES[type]!));

/** The jCal property arrays of a component, in order (the order getAllProperties() keeps). */
export const propsOf = (component: ICAL.Component): JcalProperty[] => component.jCal[1] as JcalProperty[];

/** getFirstProperty(name). */
export function firstProp(props: readonly JcalProperty[], name: string): JcalProperty | undefined {
  for (const p of props) if (p[0] === name) return p;
  return undefined;
}

/** getFirstParameter(name): parameter values are strings (or lists of them) in jCal. */
export function paramOf(p: JcalProperty, name: string): string | undefined {
  const value = p[1][name] as string | string[] | undefined;
  return Array.isArray(value) ? value[0] : value;
}

/** Gives the ICAL.Component of a jCal component when asked (wrappers cost; few values need one). */
export interface ComponentOnDemand {
  component(): ICAL.Component;
}

/**
 * getFirstPropertyValue(name) of `component`: the raw value, or null. Types ical.js decorates
 * (DATE-TIME, DURATION, RECUR …) go through the component, which returns the wrapper objects.
 */
export const firstValue = (component: ICAL.Component, name: string): unknown => propValue(firstProp(propsOf(component), name), { component: () => component });

/** firstValue(component, p[0]) given `p`, the component's first property of that name. */
export function propValue(p: JcalProperty | undefined, owner: ComponentOnDemand): unknown {
  if (!p || p.length <= 3) return null;
  if (DECORATED.has(p[2])) return owner.component().getFirstPropertyValue(p[0]);
  return p[3];
}

/**
 * The value of a RECUR property without parameters as Property.toICALString() writes it after
 * "RRULE:" (the recur type's own writer); undefined for any other shape, which the caller writes
 * through ical.js.
 */
export function plainRecurText(p: JcalProperty): string | undefined {
  const recur = plainRecur(p);
  return recur && recurToIcal(recur);
}

/** The decoded value of a RECUR property without parameters; undefined for any other shape. */
export function plainRecur(p: JcalProperty): Record<string, unknown> | undefined {
  if (p.length !== 4 || p[2] !== 'recur' || Object.keys(p[1]).length > 0) return undefined;
  return p[3] as Record<string, unknown>;
}

/**
 * ical.js's recur toICAL step for step (UNTIL through the date or date-time writer by length, a
 * numeric WKST as its day name, lists joined by ","), without its entry pairs and per-part
 * upper-casing of known names.
 */
export function recurToIcal(data: Record<string, unknown>): string {
  let text = '';
  for (const key of Object.keys(data)) {
    let value = data[key];
    if (key === 'until') value = VALUES[(value as string).length > 10 ? 'date-time' : 'date']!.toICAL!(value);
    else if (key === 'wkst') value = typeof value === 'number' ? numericDayToIcalDay(value) : value;
    else if (Array.isArray(value)) value = value.join(',');
    text += `${text === '' ? '' : ';'}${Object.hasOwn(PART_NAMES, key) ? PART_NAMES[key]! : key.toUpperCase()}=${String(value)}`;
  }
  return text;
}
