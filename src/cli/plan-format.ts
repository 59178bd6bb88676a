import type { CalendarItem } from '../model/event.js';
import type { SyncAction } from '../sync/plan-types.js';
import type { CycleReport } from '../sync/cycle.js';
import { blockedText } from '../daemon/pair-cycle.js';

const subjectOf = (item: CalendarItem): string => (item.kind === 'single' ? item.event.summary : item.master.summary);

const SIDE_TEXT = { graph: 'Graph', caldav: 'CalDAV' } as const;

/** One readable line per planned action: kind, side, uid, subject. */
export function actionLine(action: SyncAction): string {
  switch (action.kind) {
    case 'create':
    case 'update':
      return `${action.kind.padEnd(8)} on ${SIDE_TEXT[action.on].padEnd(6)}  ${action.uid}  "${subjectOf(action.item)}"`;
    case 'delete':
      return `${'delete'.padEnd(8)} on ${SIDE_TEXT[action.on].padEnd(6)}  ${action.uid}`;
    case 'record':
      return `${'record'.padEnd(8)} ${''.padEnd(9)}  ${action.uid}  "${subjectOf(action.item)}" (bookkeeping only)`;
    case 'forget':
      return `${'forget'.padEnd(8)} ${''.padEnd(9)}  ${action.uid}  (gone on both sides)`;
    case 'conflict':
      return `${'conflict'.padEnd(8)} ${''.padEnd(9)}  ${action.uid}  "${subjectOf(action.losingVersion)}": ${action.conflicts.map((c) => c.unit).join(', ')} → ${SIDE_TEXT[action.winner]} wins`;
    case 'skip':
      return `${'skip'.padEnd(8)} on ${SIDE_TEXT[action.side].padEnd(6)}  ${action.uid}  ${action.ref}: ${action.reason}`;
  }
}

const countsText = (counts: Readonly<Record<string, number>>): string =>
  Object.keys(counts).length === 0 ? 'nothing to do' : Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(', ');

/** The one summary line per pair that `sync` prints. */
export function summaryLine(report: CycleReport): string {
  const blocked = blockedText(report);
  if (blocked) return `${report.pair}: ${blocked}`;
  if (report.dryRun) return `${report.pair}: dry run, ${report.plan.actions.length} planned (${countsText(report.counts)}); nothing written`;
  const deferred = report.deferred.length > 0 ? `; ${report.deferred.length} deferred: ${report.deferred.map((d) => `${d.uid} (${d.reason})`).join(', ')}` : '';
  const recovered = report.recovered > 0 ? `, ${report.recovered} interrupted writes rolled forward` : '';
  return `${report.pair}: ok, ${report.writes} writes (${countsText(report.counts)})${recovered}${deferred}`;
}
