import type ICAL from 'ical.js';
import { durationToMinutes, parseDuration } from './duration.js';

/**
 * The VALARM that carries the model's one reminder: the first DISPLAY or AUDIO alarm whose TRIGGER
 * is a duration at or before the start (RELATED=START, RFC 5545 §3.8.6.3). Other alarms (EMAIL,
 * Apple's ACTION:NONE placeholder, absolute or end-relative triggers, extra ones) are not mapped
 * and are left as they are.
 */
export function primaryAlarm(vevent: ICAL.Component): { alarm: ICAL.Component; minutesBefore: number } | undefined {
  for (const alarm of vevent.getAllSubcomponents('valarm')) {
    const action = String(alarm.getFirstPropertyValue('action') ?? '').toUpperCase();
    if (action !== 'DISPLAY' && action !== 'AUDIO') continue;
    const trigger = alarm.getFirstProperty('trigger');
    if (!trigger) continue;
    const related = String(trigger.getFirstParameter('related') ?? 'START').toUpperCase();
    const raw = (trigger.toJSON() as unknown[])[3];
    const duration = typeof raw === 'string' ? parseDuration(raw) : undefined;
    if (related !== 'START' || !duration) continue;
    // `0 - x`, not `-x`: a trigger at the start must read as 0, never -0 (which deep-equality tells apart).
    const minutesBefore = 0 - Math.round(durationToMinutes(duration));
    if (minutesBefore < 0) continue;
    return { alarm, minutesBefore };
  }
  return undefined;
}
