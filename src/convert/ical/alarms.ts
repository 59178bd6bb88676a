import type ICAL from 'ical.js';
import type { JcalComponent } from './lex.js';
import { primaryAlarmOf } from './read-alarm.js';

/**
 * The VALARM that carries the model's one reminder (chosen by primaryAlarmOf, read-alarm.ts), as
 * ical.js's wrapper for patching it in place.
 */
export function primaryAlarm(vevent: ICAL.Component): { alarm: ICAL.Component; minutesBefore: number } | undefined {
  const found = primaryAlarmOf(vevent.jCal as JcalComponent);
  // getAllSubcomponents() wraps jCal[2] index by index (and caches the wrappers), so the index holds.
  return found && { alarm: vevent.getAllSubcomponents()[found.index]!, minutesBefore: found.minutesBefore };
}
