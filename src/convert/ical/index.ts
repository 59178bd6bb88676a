export { IcalParseError } from './errors.js';
export { icsToItem, type IcsParseOptions, type IcsParseResult } from './parse.js';
export { itemToIcs, DEFAULT_PRODID, type ItemToIcsOptions } from './format.js';
export { patchIcs } from './patch.js';
export { icsFingerprint } from './fingerprint.js';
