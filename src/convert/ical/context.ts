import type ICAL from 'ical.js';
import { IcalParseError } from './errors.js';
import type { JcalProperty } from './lex.js';
import { propsOf } from './read-jcal.js';

/** What a reader needs to know about the VEVENT it reads, to report problems precisely. */
export interface VeventContext {
  readonly vevent: ICAL.Component;
  /** The VEVENT's own properties as jCal, in order. */
  readonly props: readonly JcalProperty[];
  readonly uid: string;
  /** Physical line of one of this VEVENT's own properties, when known. */
  lineOf(prop: JcalProperty): number | undefined;
  fail(detail: string, prop?: JcalProperty): never;
  warn(message: string): void;
}

/**
 * `propertyLines` gives the physical line of each of the VEVENT's properties, by index; it is only
 * called when an error needs a line number, since finding lines costs a pass over the whole text.
 */
export function veventContext(
  vevent: ICAL.Component,
  uid: string,
  propertyLines: (() => readonly number[] | undefined) | undefined,
  warnings: string[],
): VeventContext {
  const props = propsOf(vevent);
  const lineOf = (prop: JcalProperty): number | undefined => {
    const index = props.indexOf(prop);
    return index < 0 ? undefined : propertyLines?.()?.[index];
  };
  return {
    vevent,
    props,
    uid,
    lineOf,
    fail(detail, prop) {
      throw new IcalParseError(detail, { uid, property: prop?.[0], line: prop ? lineOf(prop) : undefined });
    },
    warn(message) {
      // The same remark about every value of a zone or every EXDATE line says nothing new.
      const line = `UID ${uid}: ${message}`;
      if (!warnings.includes(line)) warnings.push(line);
    },
  };
}
