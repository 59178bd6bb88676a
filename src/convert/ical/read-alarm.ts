import { durationToMinutes, parseDuration } from './duration.js';
import type { JcalComponent } from './lex.js';
import { firstProp, paramOf } from './read-jcal.js';

/**
 * The VALARM that carries the model's one reminder, read from the VEVENT's jCal: the first DISPLAY
 * or AUDIO alarm whose TRIGGER is a duration at or before the start (RELATED=START, RFC 5545
 * §3.8.6.3). Other alarms (EMAIL, Apple's ACTION:NONE placeholder, absolute or end-relative
 * triggers, extra ones) are not mapped and are left as they are. Raw jCal rather than ical.js's
 * Component API, which wraps every subcomponent and property it touches: this runs for every
 * occurrence read.
 */
export function primaryAlarmOf(vevent: JcalComponent): { index: number; minutesBefore: number } | undefined {
  const subcomponents = vevent[2];
  for (let index = 0; index < subcomponents.length; index++) {
    const alarm = subcomponents[index]!;
    if (alarm[0] !== 'valarm') continue;
    // getFirstPropertyValue('action'): ACTION is TEXT, never decorated, so the raw value (or null).
    const actionProp = firstProp(alarm[1], 'action');
    const action = String((actionProp && actionProp.length > 3 ? actionProp[3] : null) ?? '').toUpperCase();
    if (action !== 'DISPLAY' && action !== 'AUDIO') continue;
    const trigger = firstProp(alarm[1], 'trigger');
    if (!trigger) continue;
    const related = String(paramOf(trigger, 'related') ?? 'START').toUpperCase();
    const raw = trigger[3];
    const duration = typeof raw === 'string' ? parseDuration(raw) : undefined;
    if (related !== 'START' || !duration) continue;
    // `0 - x`, not `-x`: a trigger at the start must read as 0, never -0 (which deep-equality tells apart).
    const minutesBefore = 0 - Math.round(durationToMinutes(duration));
    if (minutesBefore < 0) continue;
    return { index, minutesBefore };
  }
  return undefined;
}
