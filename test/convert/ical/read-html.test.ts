import assert from 'node:assert/strict';
import fc from 'fast-check';
import { gist, htmlIsCurrent, sameGist, type HtmlVerdicts } from '../../../src/convert/ical/read-html.js';

describe('read-html', () => {
  it('sameGist walks ASCII text to the same verdict as comparing gists (fast-check)', () => {
    const chars = fc.constantFrom('a', 'B', 'z', 'Z', '0', '9', ' ', '\n', '\t', '.', '-', '<', 'é', 'É', 'e\u0301', 'ß', '٣', '\u00a0');
    const text = fc.array(chars, { maxLength: 20 }).map((cs) => cs.join(''));
    const pair = fc.oneof(
      fc.tuple(text, text),
      // Near-equal pairs: the same letters with other spacing and case.
      text.map((t) => [t, t.toUpperCase().replace(/ /g, '  ')] as [string, string]),
    );
    fc.assert(fc.property(pair, ([a, b]) => assert.equal(sameGist(a, b), gist(a) === gist(b))), { numRuns: 5000 });
  });

  it('renders each X-ALT-DESC once per calendar object and keys the verdict by HTML and DESCRIPTION', () => {
    const seen: HtmlVerdicts = [];
    assert.equal(htmlIsCurrent('<p>Agenda: budget</p>', 'Agenda: budget', seen), true);
    assert.equal(htmlIsCurrent('<p>Agenda: budget</p>', 'Agenda: budget', seen), true);
    assert.equal(seen.length, 1);
    assert.equal(htmlIsCurrent('<p>Agenda: budget</p>', 'Agenda: hiring', seen), false);
    assert.equal(seen.length, 2);
  });
});
