import assert from 'node:assert/strict';
import { actionLine, summaryLine } from '../../src/cli/plan-format.js';
import type { CycleReport } from '../../src/sync/cycle.js';
import { series, single } from '../sync/fixtures.js';

const plan = (actions: CycleReport['plan']['actions'], blocked?: CycleReport['plan']['blocked']): CycleReport['plan'] => ({ actions, ...(blocked ? { blocked } : {}) });
const report = (over: Partial<CycleReport>): CycleReport => ({ pair: 'alice', plan: plan([]), dryRun: false, writes: 0, recovered: 0, deferred: [], counts: {}, ...over });

describe('sync output lines', () => {
  it('names kind, side, uid and subject of each planned action', () => {
    const one = single('u1', { summary: 'Lunch' });
    assert.equal(actionLine({ kind: 'create', on: 'caldav', uid: 'u1', item: one, known: {} }), 'create   on CalDAV  u1  "Lunch"');
    assert.equal(actionLine({ kind: 'update', on: 'graph', uid: 's1', from: undefined, item: series('s1'), known: {} }), `update   on Graph   s1  "${series('s1').master.summary}"`);
    assert.equal(actionLine({ kind: 'delete', on: 'graph', uid: 'u2', known: {} }), 'delete   on Graph   u2');
    assert.match(actionLine({ kind: 'record', uid: 'u1', item: one, known: {} }), /^record\s+u1 {2}"Lunch" \(bookkeeping only\)$/);
    assert.match(actionLine({ kind: 'forget', uid: 'u3' }), /^forget\s+u3 {2}\(gone on both sides\)$/);
    assert.match(
      actionLine({ kind: 'conflict', uid: 'u1', winner: 'graph', conflicts: [{ unit: 'summary', base: 'a', graph: 'b', caldav: 'c' }], losingVersion: one }),
      /^conflict\s+u1 {2}"Lunch": summary → Graph wins$/,
    );
    assert.equal(actionLine({ kind: 'skip', uid: 'u4', side: 'caldav', ref: '/cal/x.ics', reason: 'unparsable' }), 'skip     on CalDAV  u4  /cal/x.ics: unparsable');
  });

  it('summarises a cycle: ok with counts and deferred items, dry run, safety stop', () => {
    assert.equal(summaryLine(report({ writes: 2, counts: { 'create-graph': 1, 'delete-caldav': 1 } })), 'alice: ok, 2 writes (create-graph 1, delete-caldav 1)');
    assert.equal(summaryLine(report({})), 'alice: ok, 0 writes (nothing to do)');
    assert.equal(
      summaryLine(report({ writes: 1, recovered: 1, counts: { 'create-graph': 2 }, deferred: [{ uid: 'u9', reason: 'HTTP 503' }] })),
      'alice: ok, 1 writes (create-graph 2), 1 interrupted writes rolled forward; 1 deferred: u9 (HTTP 503)',
    );
    assert.equal(summaryLine(report({ dryRun: true, plan: plan([{ kind: 'forget', uid: 'x' }]), counts: { forget: 1 } })), 'alice: dry run, 1 planned (forget 1); nothing written');
    assert.match(
      summaryLine(report({ plan: plan([], { reason: 'too many deletions', deletes: { graph: 4, caldav: 0 }, mapped: 10 }) })),
      /^alice: safety stop: too many deletions \(would delete 4 on Graph, 0 on CalDAV of 10 mapped; rerun with --force-deletes to allow\)$/,
    );
  });
});
