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
  return new VeventReader(vevent, uid, propertyLines, warnings);
}

/** A class rather than closures: one is made for every VEVENT read. */
class VeventReader implements VeventContext {
  readonly props: readonly JcalProperty[];

  constructor(
    readonly vevent: ICAL.Component,
    readonly uid: string,
    private readonly propertyLines: (() => readonly number[] | undefined) | undefined,
    private readonly warnings: string[],
  ) {
    this.props = propsOf(vevent);
  }

  lineOf(prop: JcalProperty): number | undefined {
    const index = this.props.indexOf(prop);
    return index < 0 ? undefined : this.propertyLines?.()?.[index];
  }

  fail(detail: string, prop?: JcalProperty): never {
    throw new IcalParseError(detail, { uid: this.uid, property: prop?.[0], line: prop ? this.lineOf(prop) : undefined });
  }

  warn(message: string): void {
    // The same remark about every value of a zone or every EXDATE line says nothing new.
    const line = `UID ${this.uid}: ${message}`;
    if (!this.warnings.includes(line)) this.warnings.push(line);
  }
}
