import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { spawnSync } from 'node:child_process';
import { DEFAULT_EVENT_FIELDS, type EventFields, type EventOccurrence, type EventTime } from '../../../src/model/index.js';

export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/ics/${name}`, import.meta.url), 'utf8');
}

/** The fields a VEVENT with nothing but times reads as. */
export const EMPTY_FIELDS: EventFields = DEFAULT_EVENT_FIELDS;

export function occ(start: EventTime, end: EventTime, fields: Partial<EventFields> = {}): EventOccurrence {
  return { ...EMPTY_FIELDS, ...fields, start, end };
}

/** Runs python3-icalendar (Debian's, so /usr/bin/python3) on `text`; returns its summary or throws. */
export function pythonIcalendarAccepts(text: string): string {
  const script = [
    'import sys, icalendar',
    'cal = icalendar.Calendar.from_ical(sys.stdin.read())',
    'print(",".join(sorted(c.name for c in cal.walk())))',
  ].join('\n');
  const run = spawnSync('/usr/bin/python3', ['-c', script], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python icalendar rejected the object: ${run.stderr}`);
  return run.stdout.trim();
}

/** The unfolded content lines of an iCalendar text, for asserting on what was written. */
export function contentLines(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter((l) => l.length > 0);
}

/**
 * Occurrence starts (UTC ISO, sorted) of the object as python3-recurring-ical-events expands it: an
 * independent reading of RRULE, RDATE, EXDATE and RECURRENCE-ID, used as an oracle.
 */
export function pythonOccurrenceStarts(text: string, from: string, to: string): { start: string; summary: string }[] {
  const script = [
    'import sys, json, datetime, icalendar, recurring_ical_events',
    'cal = icalendar.Calendar.from_ical(sys.stdin.read())',
    `events = recurring_ical_events.of(cal).between(datetime.date.fromisoformat("${from}"), datetime.date.fromisoformat("${to}"))`,
    'out = []',
    'for e in events:',
    '    s = e["DTSTART"].dt',
    '    out.append({"start": s.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if isinstance(s, datetime.datetime) else s.isoformat(), "summary": str(e.get("SUMMARY", ""))})',
    'print(json.dumps(sorted(out, key=lambda o: o["start"])))',
  ].join('\n');
  const run = spawnSync('/usr/bin/python3', ['-c', script], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`recurring_ical_events failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { start: string; summary: string }[];
}

/** ICAL.parse's result, or its error message: the reference our own lexer is held to. */
export function icalParseOrError(text: string): unknown {
  try {
    return ICAL.parse(text);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
