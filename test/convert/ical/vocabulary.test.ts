import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calAddressEmail } from '../../../src/convert/ical/vocabulary.js';

/** The reading calAddressEmail replaced: one regex match. */
function byRegex(value: string, emailParam: string | undefined): string | undefined {
  if (emailParam) return emailParam;
  const m = /^mailto:(.+)$/i.exec(value.trim());
  return m ? m[1]! : undefined;
}

describe('calAddressEmail', () => {
  it('reads what /^mailto:(.+)$/i read (fast-check)', () => {
    const piece = fc.constantFrom('mailto:', 'MAILTO:', 'MailTo:', 'mailto', 'mail', ':', 'a@b.org', ' ', '\t', '\n', '\r', '\u2028', '\u00a0', 'ı', 'K', 'x', '');
    const value = fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 6 }).map((ps) => ps.join(''));
    const param = fc.constantFrom(undefined, '', 'e@x.org');
    fc.assert(fc.property(value, param, (v, p) => assert.equal(calAddressEmail(v, p), byRegex(v, p), JSON.stringify(v))), { numRuns: 20000 });
  });
});
