import { KeyedLimiter } from '../http/limiter.js';

// Per-host concurrency limit: CalDAV servers (GMX, Stalwart, SOGo…) throttle or fall over under parallel load
// (caldav-ical.md §5 "Rate limits generally"), and a single daemon may run several collection syncs at once.
/** Shared by every transport that is not given its own limiter, so the limit holds process-wide. */
export const defaultHostLimiter = new KeyedLimiter(2);
