import type { CalendarItem } from '../../model/event.js';
import type { Observation } from '../plan-types.js';
import type { SideAdapter, SideRead, Written } from './side.js';

/**
 * The CalDAV calendar of a dry run that does not exist yet: a dry run must not create it, so it is planned
 * as an empty calendar and nothing can be written to it.
 */
export class AbsentCalendarSide implements SideAdapter {
  readonly side = 'caldav' as const;

  constructor(readonly wanted: string) {}

  async read(): Promise<SideRead> {
    return { observations: new Map(), outsideWindow: new Set(), commit: async () => undefined };
  }

  async observe(): Promise<Observation> {
    return { state: 'unchanged' };
  }

  create(uid: string, _item: CalendarItem): Promise<Written> {
    return this.refuse(uid);
  }

  update(uid: string): Promise<Written> {
    return this.refuse(uid);
  }

  remove(uid: string): Promise<void> {
    return this.refuse(uid);
  }

  private refuse(uid: string): Promise<never> {
    return Promise.reject(new Error(`${uid}: calendar "${this.wanted}" does not exist yet (dry run)`));
  }
}
