import assert from 'node:assert/strict';
import { decodeEntities, htmlToText } from '../../../src/convert/graph/html-text.js';
import { sample, WEEKLY_END } from './samples.js';

describe('htmlToText', () => {
  it('drops Outlook\'s boilerplate head and CRLF wrapping (sample 02)', () => {
    assert.equal(htmlToText(sample(WEEKLY_END).body!.content), 'Does late morning work for you?');
  });

  it('turns block elements and <br> into line breaks, collapsing source whitespace', () => {
    const html = '<html><body><div>One\r\n  two</div><p>Three</p>Four<br>Five<ul><li>a</li><li>b</li></ul></body></html>';
    assert.equal(htmlToText(html), 'One two\nThree\nFour\nFive\n- a\n- b');
  });

  it('keeps a link target after its text, but not twice', () => {
    assert.equal(htmlToText('<a href="https://x.org/?a=1&amp;b=2">Join</a>'), 'Join <https://x.org/?a=1&b=2>');
    assert.equal(htmlToText('<a href="https://x.org">https://x.org</a>'), 'https://x.org');
    assert.equal(htmlToText('<a href="mailto:a@b.org">a@b.org</a>'), 'a@b.org');
  });

  it('decodes named and numeric entities, and never leaves tags', () => {
    assert.equal(htmlToText('<b>R&amp;D &lt;team&gt;</b>&nbsp;&#8364;&#x41;&quot;'), 'R&D <team> €A"');
    assert.equal(decodeEntities('&unknown; &#0;'), '&unknown; &#0;');
    assert.equal(htmlToText('<style>p{}</style><!-- c --><script>x()</script>text'), 'text');
  });

  it('limits runs of blank lines to one', () => {
    assert.equal(htmlToText('a<br><br><br><br><br>b'), 'a\n\nb');
  });
});
