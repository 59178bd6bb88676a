import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import { Harness, bodyOf, valueOf, weeklySeries, type Json } from './harness.js';

/** Beta series view: MGDC:api-reference/beta/api/event-get.md example 4 (sample 05). */
const SAMPLE_05 = JSON.parse(
  readFileSync(new URL('./fixtures/05-event-seriesMaster-beta-expand-exceptionOccurrences.json', import.meta.url), 'utf8'),
) as Json;
const QUERY = '$select=subject,start,end,occurrenceId,exceptionOccurrences,cancelledOccurrences&$expand=exceptionOccurrences';
const MARCH = 'startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-15T00:00:00Z';

describe('emulator domain: beta series master view', () => {
  it('lists cancelled occurrences as OID.{masterId}.{date} and expands exceptions (sample 05)', () => {
    const h = new Harness();
    const master = h.create(weeklySeries('weekly', 4));
    const [first, second, third] = valueOf(h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH }));
    h.call('DELETE', `/me/events/${String(second!.id)}`);
    h.call('PATCH', `/me/events/${String(third!.id)}`, { body: { subject: 'special' } });
    h.call('PATCH', `/me/events/${String(first!.id)}`, { body: { subject: 'first special' } });

    const res = h.call('GET', `/me/events/${String(master.id)}`, { query: QUERY, version: 'beta' });
    assert.equal(res.status, 200);
    const e = bodyOf(res);
    assert.deepEqual(Object.keys(e).sort(), Object.keys(SAMPLE_05).sort());
    assert.deepEqual(e.cancelledOccurrences, [`OID.${String(master.id)}.2026-03-09`]);
    assert.equal(e.occurrenceId, null);
    const exceptions = e.exceptionOccurrences as Json[];
    assert.deepEqual(exceptions.map((x) => [x.subject, x.occurrenceId]), [
      ['first special', `OID.${String(master.id)}.2026-03-02`],
      ['special', `OID.${String(master.id)}.2026-03-16`],
    ]);
    const sampleException = (SAMPLE_05.exceptionOccurrences as Json[])[0]!;
    const sampleKeys = Object.keys(sampleException).map((k) => k.toLowerCase()).sort();
    assert.deepEqual(Object.keys(exceptions[0]!).map((k) => k.toLowerCase()).sort(), sampleKeys);
  });

  it('the same query on v1.0 is refused: those properties do not exist there', () => {
    const h = new Harness();
    const master = h.create(weeklySeries('weekly', 2));
    assert.equal(h.call('GET', `/me/events/${String(master.id)}`, { query: QUERY }).status, 400);
  });
});
