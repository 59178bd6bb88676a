import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bodyCloseAt, bodyContentStart } from '../../../src/convert/graph/html-body.js';
import { appendToHtmlBody, escapeHtml } from '../../../src/convert/graph/html-write.js';

const PIECES = [
  '<body>', '<BODY dir="ltr">', '<body', '<bodyx>', '<body_>', '<body-x>', '</body>', '</BoDy >', '</body\u2003>', '</body\u00a0\n>',
  '</body x>', '</bodyy>', '</', '<', '>', '<p>', '</p>', 'body', ' ', '\t', '\n', '\u2028', '\ufeff', '&', '"', 'a', '<html>',
];
const html = fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((parts) => parts.join(''));

describe('where an HTML body lies (against the regexes it replaced)', () => {
  it('finds the end of the first <body …> tag as /<body\\b[^>]*>/i does', () => {
    fc.assert(
      fc.property(html, (s) => {
        const open = /<body\b[^>]*>/i.exec(s);
        assert.equal(bodyContentStart(s), open ? open.index + open[0].length : 0, JSON.stringify(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('finds the first </body> from an index as /<\\/body\\s*>/gi does', () => {
    fc.assert(
      fc.property(html, fc.nat(40), (s, from) => {
        const re = /<\/body\s*>/gi;
        re.lastIndex = from;
        assert.equal(bodyCloseAt(s, from), re.exec(s)?.index ?? -1, JSON.stringify(s));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('writing HTML (against the replaces it replaced)', () => {
  const byReplace = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  it('escapes any text alike, and returns text with nothing to escape as it is', () => {
    fc.assert(
      fc.property(html, fc.string(), (s, t) => {
        assert.equal(escapeHtml(s), byReplace(s));
        assert.equal(escapeHtml(t), byReplace(t));
      }),
      { numRuns: 10_000 },
    );
  });

  it('appends before the first </body>, or at the end', () => {
    fc.assert(
      fc.property(html, (s) => {
        const close = s.search(/<\/body\s*>/i);
        const expected = close >= 0 ? s.slice(0, close) + '<i>x</i>' + s.slice(close) : `${s}<i>x</i>`;
        assert.equal(appendToHtmlBody(s, '<i>x</i>'), expected);
      }),
      { numRuns: 10_000 },
    );
  });
});
