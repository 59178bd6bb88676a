export * from './time.js';
export * from './recurrence.js';
export * from './event.js';
export * from './instant.js';
export * from './keys.js';
