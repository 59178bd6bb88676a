import assert from 'node:assert/strict';
import { createGraphService } from '../../src/emulator/graph-service.js';
import { replaySeed } from '../../src/emulator/seed.js';
import { DEMO_SUBJECTS, DEMO_USER, demoSeed } from '../../src/demo/seed.js';

interface Listed {
  value: Array<{ subject: string; type: string; isAllDay: boolean; start: { timeZone: string }; recurrence?: { pattern: { type: string; dayOfMonth?: number } } }>;
}

describe('demo seed', () => {
  // Dates around month ends, a leap day and a year end: every request of the seed must still be accepted.
  const moments = ['2026-11-26T13:00:00Z', '2027-02-28T23:59:00Z', '2028-02-29T00:00:00Z', '2026-12-31T12:00:00Z', '2027-07-05T08:00:00Z'];

  for (const at of moments) {
    it(`replays into the emulator when run at ${at}`, () => {
      const now = Date.parse(at);
      const graph = createGraphService({ clock: { now: () => now } });
      replaySeed(demoSeed(now), graph, 'https://127.0.0.1:1');
      const [listed] = replaySeed({ requests: [{ user: DEMO_USER, method: 'GET', url: '/events?$top=50' }] }, graph, 'https://127.0.0.1:1').map((r) => r.body as Listed);
      const events = listed!.value;
      assert.deepEqual(events.map((e) => e.subject).sort(), [...DEMO_SUBJECTS].sort());
      const monthly = events.find((e) => e.subject === 'Month-end close');
      assert.equal(monthly?.recurrence?.pattern.dayOfMonth, 31);
      assert.equal(events.find((e) => e.subject === 'Team offsite')?.isAllDay, true);
    });
  }

  it('moves one occurrence of the weekly series and cancels another', () => {
    const now = Date.parse(moments[0]!);
    const graph = createGraphService({ clock: { now: () => now } });
    replaySeed(demoSeed(now), graph, 'https://127.0.0.1:1');
    const [listed] = replaySeed({ requests: [{ user: DEMO_USER, method: 'GET', url: '/events?$top=50' }] }, graph, 'https://127.0.0.1:1').map((r) => r.body as { value: Array<{ id: string; subject: string }> });
    const master = listed!.value.find((e) => e.subject === 'Design review');
    const [instances] = replaySeed(
      { requests: [{ user: DEMO_USER, method: 'GET', url: `/events/${master!.id}/instances?startDateTime=2026-11-23T00:00:00Z&endDateTime=2026-12-14T00:00:00Z` }] },
      graph,
      'https://127.0.0.1:1',
    ).map((r) => r.body as Listed);
    const subjects = instances!.value.map((i) => `${i.type}: ${i.subject}`);
    // Three Tuesdays in the window: the first as planned, the second moved to a Wednesday, the third cancelled.
    assert.deepEqual(subjects, ['occurrence: Design review', 'exception: Design review (moved to Wednesday)']);
  });
});
