import { createHash } from 'node:crypto';
import { canonicalJson, itemFingerprint, normalizeOccurrence } from '../../model/fingerprint.js';
import { icsToItem } from './parse.js';

/**
 * Semantic fingerprint of an iCalendar object: parsed into the model and hashed in normal form, so a
 * server's reserialisation (property order, line folding, inserted VTIMEZONEs, DTSTAMP, unmapped
 * properties) leaves it alone and any change of a mapped field moves it.
 */
export function icsFingerprint(text: string): string {
  const { item, detachedOccurrences } = icsToItem(text);
  if (!detachedOccurrences) return itemFingerprint(item);
  const normal = Object.fromEntries(Object.entries(detachedOccurrences).map(([k, o]) => [k, normalizeOccurrence(o)]));
  return createHash('sha256').update(canonicalJson({ detached: normal })).digest('hex');
}
