import type ICAL from 'ical.js';
import { IcalParseError } from './errors.js';

/** What a reader needs to know about the VEVENT it reads, to report problems precisely. */
export interface VeventContext {
  readonly vevent: ICAL.Component;
  readonly uid: string;
  /** Physical line of one of this VEVENT's own properties, when known. */
  lineOf(prop: ICAL.Property): number | undefined;
  fail(detail: string, prop?: ICAL.Property): never;
  warn(message: string): void;
}

export function veventContext(
  vevent: ICAL.Component,
  uid: string,
  propertyLines: readonly number[] | undefined,
  warnings: string[],
): VeventContext {
  const lineOf = (prop: ICAL.Property): number | undefined => {
    const index = vevent.getAllProperties().indexOf(prop);
    return index < 0 ? undefined : propertyLines?.[index];
  };
  return {
    vevent,
    uid,
    lineOf,
    fail(detail, prop) {
      throw new IcalParseError(detail, { uid, property: prop?.name, line: prop ? lineOf(prop) : undefined });
    },
    warn(message) {
      // The same remark about every value of a zone or every EXDATE line says nothing new.
      const line = `UID ${uid}: ${message}`;
      if (!warnings.includes(line)) warnings.push(line);
    },
  };
}

/** The jCal values of a property as strings (ical.js keeps date-times as strings in jCal). */
export function rawValues(prop: ICAL.Property): unknown[] {
  return (prop.toJSON() as unknown[]).slice(3);
}

export function rawType(prop: ICAL.Property): string {
  return (prop.toJSON() as unknown[])[2] as string;
}
