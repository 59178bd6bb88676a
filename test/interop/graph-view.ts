// What Graph (the emulator) says is on the calendar, read the way a plain Graph client would: no
// `Prefer: outlook.timezone`, so times come back in UTC (MGDC api-reference/v1.0/api/user-list-calendarview.md).
import assert from 'node:assert/strict';
import { calendarPath, eventPath, query } from '../../src/graph/paths.js';
import type { GraphCollectionPage, GraphEvent } from '../../src/graph/types.js';
import type { World } from '../sync/e2e/harness.js';
import type { ExpectedOccurrence } from './outlook-seed.js';

async function readAll(world: World, url: string): Promise<GraphEvent[]> {
  const found: GraphEvent[] = [];
  let next: string | undefined = url;
  while (next) {
    const page: GraphCollectionPage<GraphEvent> = (await world.graph.call<GraphCollectionPage<GraphEvent>>({ method: 'GET', url: next })).body;
    found.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return found;
}

/** calendarView over the range: singles plus every occurrence/exception of the series. */
export function calendarView(world: World, range: { start: string; end: string }): Promise<GraphEvent[]> {
  return readAll(world, `${calendarPath(world.graphRef)}/calendarView?${query({ startDateTime: range.start, endDateTime: range.end })}`);
}

export async function seriesMaster(world: World, id: string): Promise<GraphEvent> {
  return (await world.graph.call<GraphEvent>({ method: 'GET', url: eventPath(world.graphRef, id) })).body;
}

export function instances(world: World, masterId: string, range: { start: string; end: string }): Promise<GraphEvent[]> {
  return readAll(world, `${eventPath(world.graphRef, masterId)}/instances?${query({ startDateTime: range.start, endDateTime: range.end })}`);
}

/** An event's start/end as the tests compare them: UTC instants, or DATEs for all-day events. */
export function occurrenceOf(e: GraphEvent): ExpectedOccurrence {
  return { summary: e.subject ?? '', start: instantOf(e, 'start'), end: instantOf(e, 'end') };
}

function instantOf(e: GraphEvent, side: 'start' | 'end'): string {
  const value = e[side];
  assert.ok(value, `${e.subject}: no ${side}`);
  assert.equal(value.timeZone, 'UTC', `${e.subject}: without Prefer outlook.timezone Graph answers in UTC`);
  if (e.isAllDay) {
    assert.match(value.dateTime, /T00:00:00/, `${e.subject}: an all-day ${side} is a midnight`);
    return value.dateTime.slice(0, 10);
  }
  return `${value.dateTime.slice(0, 19)}Z`;
}
