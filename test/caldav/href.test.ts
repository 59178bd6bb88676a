import assert from 'node:assert/strict';
import fc from 'fast-check';
import { asCollectionUrl, hrefKey, hrefNameFor, resolveHref, sameHref } from '../../src/caldav/href.js';

describe('caldav hrefs', () => {
  it('treats path vs absolute, percent-encoding variants and a collection trailing slash as the same href', () => {
    const base = 'http://dav.test:5232/alice/cal/';
    assert.equal(hrefKey('/alice/cal/a%40b.ics', base), hrefKey('http://dav.test:5232/alice/cal/a@b.ics'));
    assert.equal(hrefKey('/alice/my%20cal/', base), hrefKey('http://dav.test:5232/alice/my cal'));
    assert.equal(hrefKey('/alice/%7Euser/x.ics', base), hrefKey('/alice/~user/x.ics', base));
    assert.ok(sameHref('http://DAV.test:5232/alice/cal/', 'http://dav.test:5232/alice/cal'));
    assert.notEqual(hrefKey('/alice/cal/a.ics', base), hrefKey('/alice/cal/b.ics', base));
    assert.notEqual(hrefKey('http://other.test/alice/cal/a.ics'), hrefKey('/alice/cal/a.ics', base));
  });

  it('keeps a stray % literally instead of failing', () => {
    assert.equal(hrefKey('/cal/100%.ics', 'http://dav.test/'), hrefKey('/cal/100%25.ics', 'http://dav.test/'));
  });

  it('resolves relative and absolute hrefs, keeping the server encoding and dropping fragments', () => {
    assert.equal(resolveHref('http://dav.test/a/b/', 'c%40d.ics#x'), 'http://dav.test/a/b/c%40d.ics');
    assert.equal(resolveHref('http://dav.test/a/b/', '/z/'), 'http://dav.test/z/');
    assert.equal(resolveHref('http://dav.test/a/', 'https://other.test/y'), 'https://other.test/y');
    assert.equal(asCollectionUrl('http://dav.test/a'), 'http://dav.test/a/');
    assert.equal(asCollectionUrl('http://dav.test/a/'), 'http://dav.test/a/');
  });

  it('hrefNameFor gives a deterministic [A-Za-z0-9._-] name for any UID and different names for different UIDs', () => {
    const exchangeUid = `040000008200E00074C5B7101A82E008${'0'.repeat(80)}`;
    assert.match(hrefNameFor(exchangeUid), /^[0-9a-f]{40}\.ics$/);
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
      assert.match(hrefNameFor(a), /^[A-Za-z0-9._-]+$/);
      assert.equal(hrefNameFor(a), hrefNameFor(a));
      if (a !== b) assert.notEqual(hrefNameFor(a), hrefNameFor(b));
    }));
  });
});
