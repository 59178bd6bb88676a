import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeEntities } from '../../../src/convert/graph/html-entities.js';
import { scanSimpleHtml } from '../../../src/convert/graph/html-scan.js';
import { htmlToText } from '../../../src/convert/graph/html-text.js';
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

/*
 * The implementation htmlToText had before its passes were made cheaper (one pass per step, lines
 * split and trimmed one by one): the reference the current one must match on any input.
 */
const OLD_BOUNDARY = '\u0000';
const OLD_BLOCK_TAGS = 'p|div|ul|ol|table|tr|h[1-6]|blockquote|pre|hr|section|article|header|footer|address|dl|dt|dd|center';

function oldBodyPart(html: string): string {
  const open = /<body\b[^>]*>/i.exec(html);
  const from = open ? open.index + open[0].length : 0;
  const close = html.slice(from).search(/<\/body\s*>/i);
  return close >= 0 ? html.slice(from, from + close) : html.slice(from);
}

function oldLinkText(attrs: string, inner: string): string {
  const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attrs);
  const raw = href?.[2] ?? href?.[3] ?? '';
  const target = decodeEntities(raw);
  const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
  if (!/^(https?:|mailto:)/i.test(target) || text === target || `mailto:${text}` === target) return inner;
  return `${inner} &lt;${raw}&gt;`;
}

function oldHtmlToText(html: string): string {
  const text = oldBodyPart(html)
    .replace(/<head\b[\s\S]*?<\/head\s*>/gi, '')
    .replace(/<(style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_m, attrs: string, inner: string) => oldLinkText(attrs, inner))
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, `${OLD_BOUNDARY}- `)
    .replace(new RegExp(`</?(?:${OLD_BLOCK_TAGS}|li)\\b[^>]*>`, 'gi'), OLD_BOUNDARY)
    .replace(new RegExp(`([ \\t]*${OLD_BOUNDARY}[ \\t]*)+`, 'g'), '\n')
    .replace(/<\/t[dh]\s*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const PIECES = [
  '<p>', '</p>', '<div class="x">', '</div>', '<br>', '<br/>', '<li>', '</li>', '<ul>', '</ul>', '<td>', '</td>', '</th >', '<span>', '</span>',
  '<a href="https://x.org/?a=1&amp;b=2">', '<a href=\'mailto:a@b.org\'>', '<a name=x>', '</a>', '<html>', '<head>', '</head>', '<body dir="ltr">', '</body>',
  '<style>', '</style>', '<script>', '</script>', '<title>', '</title>', '<!--', '-->', '<', '>', '<h2>', '</H2>', '<P>', '<BR >',
  '&amp;', '&lt;', '&gt;', '&nbsp;', '&#160;', '&#xA0;', '&#13;', '&#8232;', '&#9;', '&unknown;', '&#0;', '&',
  ' ', '  ', '\t', '\r\n', '\n', '\f', '\v', '\u00a0', '\u2003', '\u2028', '\ufeff', 'a', 'word', 'https://x.org', 'a@b.org', '-', '\u0000',
];

describe('htmlToText against the multi-pass implementation it replaced', () => {
  it('gives the same text for any mix of tags, entities and whitespace', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const html = parts.join('');
        assert.equal(htmlToText(html), oldHtmlToText(html), JSON.stringify(html));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same text on bodies its one-scan reading takes, which are most of them', () => {
    const simple = PIECES.filter((p) => !/^<(?:!|\/?(?:head|style|script|title)\b)|^<$|^-->$/i.test(p) && !p.includes(OLD_BOUNDARY));
    let scanned = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...simple, '<a href="https://x.org">', '<A HREF="mailto:a@b.org">x</a >', '<td >', '</TD\t>', '</td x>', '<br/>', '</li\n>', '<h7>'), { maxLength: 40 }), (parts) => {
        const html = parts.join('');
        const scan = scanSimpleHtml(html);
        if (scan !== undefined) scanned += 1;
        // It says when its text holds no two spaces in a row, and htmlToText then does not look for them.
        if (scan?.spacePairs === false) assert.ok(!scan.text.includes('  '), JSON.stringify(html));
        // And when no line break has a blank next to it, so that htmlToText need not trim every line.
        if (scan?.blankLineEdges === false) assert.ok(!/[^\S\n]\n|\n[^\S\n]/.test(scan.text), JSON.stringify(html));
        assert.equal(htmlToText(html), oldHtmlToText(html), JSON.stringify(html));
      }),
      { numRuns: 5000 },
    );
    assert.ok(scanned > 2500, `only ${scanned} bodies were scanned`);
  });
});

describe('decodeEntities against the regex replace it replaced', () => {
  const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', euro: '€', pound: '£', yen: '¥', deg: '°', times: '×', laquo: '«', raquo: '»' };
  const byRegex = (s: string): string =>
    s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code === 0xa0 ? 0x20 : code) : whole;
      }
      return NAMED[ref.toLowerCase()] ?? whole;
    });

  it('decodes every text alike (fast-check)', () => {
    const piece = fc.constantFrom('&', ';', '#', 'x', 'X', 'amp', 'AMP', 'Nbsp', 'euro', 'a', 'Z', 'f', 'g', '0', '1', '9', '160', 'a0', '1F600', '110000', '0', ' ', '&amp;', '&#', '&#x', 'é', '<');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        assert.equal(decodeEntities(s), byRegex(s));
      }),
      { numRuns: 30_000 },
    );
  });
});
