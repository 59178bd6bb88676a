/**
 * Property-test settings: a fixed seed so a run is reproducible (a failure prints its seed and
 * path); set ROUNDTRIP_SEED / ROUNDTRIP_RUNS to explore further.
 */
export const PROPERTY_SETTINGS = {
  numRuns: Number(process.env.ROUNDTRIP_RUNS ?? 150),
  seed: Number(process.env.ROUNDTRIP_SEED ?? 20261126),
} as const;
