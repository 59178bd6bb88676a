import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of the daemon, one registry per process (no global state, so tests can make their own). */
export class SyncMetrics {
  readonly registry = new Registry();
  readonly cycles = new Counter({ name: 'calbridge_cycles_total', help: 'sync cycles by result', labelNames: ['pair', 'result'] as const, registers: [this.registry] });
  readonly cycleSeconds = new Histogram({ name: 'calbridge_cycle_duration_seconds', help: 'duration of sync cycles', labelNames: ['pair'] as const, buckets: [0.1, 0.5, 1, 2, 5, 15, 60, 300], registers: [this.registry] });
  readonly writes = new Counter({ name: 'calbridge_writes_total', help: 'remote writes by side and kind', labelNames: ['pair', 'side', 'kind'] as const, registers: [this.registry] });
  readonly conflicts = new Counter({ name: 'calbridge_conflicts_total', help: 'field conflicts settled by policy', labelNames: ['pair'] as const, registers: [this.registry] });
  readonly itemErrors = new Gauge({ name: 'calbridge_item_errors', help: 'items that currently fail to sync', labelNames: ['pair'] as const, registers: [this.registry] });
  readonly lastSuccess = new Gauge({ name: 'calbridge_last_success_timestamp_seconds', help: 'end of the last successful cycle', labelNames: ['pair'] as const, registers: [this.registry] });
}
