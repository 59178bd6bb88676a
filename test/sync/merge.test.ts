import assert from 'node:assert/strict';
import { mergeItems } from '../../src/sync/merge.js';
import { flattenItem, unflattenItem } from '../../src/sync/flatten.js';
import { occurrence, series, single, withSummary } from './fixtures.js';

describe('3-way merge', () => {
  it('round-trips items through the flat form unchanged', () => {
    const s = series('s', {
      overrides: { '2026-12-08T08:00:00Z': occurrence({ summary: 'moved' }) },
      cancelled: ['2026-12-15T08:00:00Z'],
    });
    assert.deepEqual(unflattenItem('s', flattenItem(s)), s);
    const one = single('x', { descriptionHtml: '<p>daily sync <a href="https://example.org/notes">notes</a></p>' });
    assert.deepEqual(unflattenItem('x', flattenItem(one)), one);
  });

  it('takes HTML that says no more than the text as presentation, not as a change', () => {
    const base = single();
    const graph = single('single-1', { descriptionHtml: '<html><body><div>daily sync</div></body></html>' });
    const caldav = withSummary(base, 'renamed in Thunderbird');
    const { merged, conflicts } = mergeItems(base, graph, caldav, 'graph');
    assert.deepEqual(conflicts, []);
    assert.equal(merged.kind === 'single' && merged.event.summary, 'renamed in Thunderbird');
    assert.equal(merged.kind === 'single' && merged.event.description, 'daily sync');
  });

  it('keeps changes to different fields from both sides', () => {
    const base = single();
    const graph = withSummary(base, 'Standup (new name)');
    const caldav = single('single-1', { locations: [{ displayName: 'Room 2' }] });
    const { merged, conflicts } = mergeItems(base, graph, caldav, 'graph');
    assert.deepEqual(conflicts, []);
    assert.equal(merged.kind === 'single' && merged.event.summary, 'Standup (new name)');
    assert.deepEqual(merged.kind === 'single' && merged.event.locations, [{ displayName: 'Room 2' }]);
  });

  it('settles the same field changed on both sides for the winner and reports the conflict', () => {
    const base = single();
    const graph = withSummary(base, 'from outlook');
    const caldav = withSummary(base, 'from thunderbird');
    const g = mergeItems(base, graph, caldav, 'graph');
    assert.equal(g.merged.kind === 'single' && g.merged.event.summary, 'from outlook');
    assert.deepEqual(g.conflicts.map((c) => c.unit), ['summary']);
    assert.equal(g.conflicts[0]!.caldav, 'from thunderbird');
    const c = mergeItems(base, graph, caldav, 'caldav');
    assert.equal(c.merged.kind === 'single' && c.merged.event.summary, 'from thunderbird');
  });

  it('is no conflict when both sides made the same change', () => {
    const base = single();
    const both = withSummary(base, 'same');
    const { merged, conflicts } = mergeItems(base, both, both, 'caldav');
    assert.deepEqual(conflicts, []);
    assert.deepEqual(merged, both);
  });

  it('moves start and end together: a time change on each side is one conflict, never a mix', () => {
    const base = single();
    const graph = single('single-1', {
      start: { kind: 'zoned', local: '2026-12-01T10:00:00', tz: 'Europe/Berlin' },
      end: { kind: 'zoned', local: '2026-12-01T10:15:00', tz: 'Europe/Berlin' },
    });
    const caldav = single('single-1', { end: { kind: 'zoned', local: '2026-12-01T09:30:00', tz: 'Europe/Berlin' } });
    const { merged, conflicts } = mergeItems(base, graph, caldav, 'graph');
    assert.deepEqual(conflicts.map((c) => c.unit), ['schedule']);
    assert.deepEqual(merged, graph);
  });

  it('merges occurrence edits of a series per occurrence', () => {
    const base = series();
    const graph = series('series-1', { overrides: { '2026-12-08T08:00:00Z': occurrence({ summary: 'moved in outlook' }) } });
    const caldav = series('series-1', { cancelled: ['2026-12-15T08:00:00Z'] });
    const { merged, conflicts } = mergeItems(base, graph, caldav, 'caldav');
    assert.deepEqual(conflicts, []);
    assert.equal(merged.kind, 'series');
    if (merged.kind !== 'series') return;
    assert.deepEqual(Object.keys(merged.overrides), ['2026-12-08T08:00:00Z']);
    assert.deepEqual(merged.cancelled, ['2026-12-15T08:00:00Z']);
  });

  it('takes a removal on one side (an un-cancelled occurrence) when the other did not touch it', () => {
    const base = series('series-1', { cancelled: ['2026-12-15T08:00:00Z'] });
    const graph = series('series-1');
    const { merged } = mergeItems(base, graph, base, 'caldav');
    assert.deepEqual(merged.kind === 'series' && merged.cancelled, []);
  });

  it('without a base, every difference is a conflict settled for the winner', () => {
    const graph = withSummary(single(), 'a');
    const caldav = withSummary(single(), 'b');
    const { merged, conflicts } = mergeItems(undefined, graph, caldav, 'caldav');
    assert.deepEqual(conflicts.map((c) => c.unit), ['summary']);
    assert.equal(merged.kind === 'single' && merged.event.summary, 'b');
  });

  it('keeps the CalDAV UID as the identity', () => {
    const graph = { ...single(), uid: '040000008200E00074C5B7101A82E008' };
    const { merged } = mergeItems(undefined, graph, single(), 'graph');
    assert.equal(merged.uid, 'single-1');
  });
});
