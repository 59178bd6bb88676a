import type ICAL from 'ical.js';
import { IcalParseError } from './errors.js';
import type { JcalComponent, JcalProperty } from './lex.js';
import { veventPropertyLines } from './lines.js';
import { propsOf, type ComponentOnDemand } from './read-jcal.js';
import { VeventProps } from './vevent-props.js';

/** What a reader needs to know about the VEVENT it reads, to report problems precisely. */
export interface VeventContext extends ComponentOnDemand {
  /** The VEVENT as jCal; component() gives its ICAL.Component, made only when asked for. */
  readonly vevent: JcalComponent;
  /** The VEVENT's own properties as jCal, in order. */
  readonly props: readonly JcalProperty[];
  /** The properties the reader looks at, by name. */
  readonly index: VeventProps;
  readonly uid: string;
  /** Physical line of one of this VEVENT's own properties, when known. */
  lineOf(prop: JcalProperty): number | undefined;
  fail(detail: string, prop?: JcalProperty): never;
  warn(message: string): void;
}

/**
 * The physical line of each property of each VEVENT of one text, found only when an error needs a
 * line number (finding lines costs a pass over the whole text), then kept for the other VEVENTs.
 */
export class PropertyLines {
  private found: number[][] | undefined;

  constructor(private readonly text: string) {
    this.found = undefined;
  }

  /** Lines of the properties of the VEVENT at `position` (document order), by property index. */
  ofVevent(position: number): readonly number[] | undefined {
    return (this.found ??= veventPropertyLines(this.text))[position];
  }
}

/**
 * The VEVENTs of one VCALENDAR as ICAL.Components, wrapped only when first asked for: reading most
 * objects needs none (icsToItem), and getAllSubcomponents wraps them all (some 500 bytes an object).
 */
export class VeventComponents {
  private all: ICAL.Component[] | undefined;

  constructor(private readonly root: ICAL.Component) {
    this.all = undefined;
  }

  /** The VEVENT at `position` among the root's VEVENTs: the wrapper getAllSubcomponents('vevent') gives. */
  at(position: number): ICAL.Component {
    return (this.all ??= this.root.getAllSubcomponents('vevent'))[position]!;
  }
}

/** A context for reading `vevent` alone, with no line numbers (the patcher's). */
export const veventContext = (vevent: ICAL.Component, uid: string, lines: PropertyLines | undefined, warnings: string[]): VeventContext =>
  new VeventReader(vevent.jCal as JcalComponent, { at: () => vevent }, new VeventProps(propsOf(vevent)), uid, warnings, lines, 0);

/** A class rather than closures: one is made for every VEVENT read. */
export class VeventReader implements VeventContext {
  readonly props: readonly JcalProperty[];

  /** `position`: the VEVENT's place among the VEVENTs of the text `lines` come from, and of `components`. */
  constructor(
    readonly vevent: JcalComponent,
    private readonly components: Pick<VeventComponents, 'at'>,
    readonly index: VeventProps,
    readonly uid: string,
    private readonly warnings: string[],
    private readonly lines: PropertyLines | undefined,
    private readonly position: number,
  ) {
    this.props = vevent[1];
  }

  component(): ICAL.Component {
    return this.components.at(this.position);
  }

  lineOf(prop: JcalProperty): number | undefined {
    const index = this.props.indexOf(prop);
    return index < 0 ? undefined : this.lines?.ofVevent(this.position)?.[index];
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
