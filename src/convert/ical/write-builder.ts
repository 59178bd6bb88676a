import ICAL from 'ical.js';
import type { EventFields } from '../../model/index.js';
import { writeFieldProps } from './write-mapping.js';
import { PropCollector, toProperty, type ComponentWriter } from './write-spec.js';

/** Builds ical.js components from what is written (newVevent, alarms added by a patch). */
export class ComponentBuilder extends PropCollector implements ComponentWriter {
  private readonly open: ICAL.Component[] = [];
  private done: ICAL.Component | undefined;

  begin(name: string): void {
    this.flush();
    this.open.push(new ICAL.Component(name));
  }

  end(): void {
    this.flush();
    const c = this.open.pop()!;
    const parent = this.open.at(-1);
    if (parent) parent.addSubcomponent(c);
    else this.done = c;
  }

  fields(n: EventFields): void {
    writeFieldProps(n, this);
  }

  /** The outermost component, once ended (undefined when nothing was begun). */
  component(): ICAL.Component | undefined {
    return this.done;
  }

  /** Properties come before subcomponents, so the ones collected so far belong to the innermost open component. */
  private flush(): void {
    const c = this.open.at(-1);
    if (c) for (const p of this.props) c.addProperty(toProperty(p));
    this.props.length = 0;
  }
}
