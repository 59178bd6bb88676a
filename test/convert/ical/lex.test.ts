import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { lexCalendar } from '../../../src/convert/ical/lex.js';
import { dateTimeFromIcal } from '../../../src/convert/ical/lex-text.js';
import { unescapeText } from '../../../src/convert/ical/text-escape.js';
import { fixture, icalParseOrError as reference } from './helpers.js';


/** The lexer must give ICAL.parse's jCal whenever it answers (it never answers for input ICAL.parse rejects). */
function assertSame(text: string): boolean {
  const got = lexCalendar(text);
  if (got !== undefined) assert.deepStrictEqual(got, reference(text), JSON.stringify(text));
  return got !== undefined;
}

const chars = fc.constantFrom('a', 'Z', '0', ' ', ':', ';', ',', '\\', '^', 'n', 'N', "'", '"', '=', 'é', '-', '\t');
const text = (max: number) => fc.array(chars, { maxLength: max }).map((cs) => cs.join(''));
const values = fc.oneof(
  fc.constantFrom('20260301T100000Z', '20260301T100000', '20260301', '20260301,20260302', 'FREQ=WEEKLY;BYDAY=MO,TU;UNTIL=20260601T000000Z'),
  fc.constantFrom('PT15M', '-P1D', 'a\\,b,c', 'x\\ny\\Nz\\\\', '48.2;16.3', '1', 'TRUE', 'mailto:a@b.c', '20260301T100000Z/PT1H', ''),
  text(12),
);
const paramName = fc.constantFrom('TZID', 'CN', 'VALUE', 'ROLE', 'X-P', 'EMAIL', 'DELEGATED-TO', 'MEMBER', 'FMTTYPE', 'RANGE', 'Cn', 'RSVP', 'constructor');
const paramValue = fc.oneof(
  fc.constantFrom('Europe/Berlin', 'DATE', 'date-time', 'PERIOD', 'TEXT', 'REQ-PARTICIPANT', 'text/html', 'mailto:x@y.z'),
  text(8),
  text(8).map((s) => `"${s}"`),
);
const param = fc.tuple(paramName, paramValue).map(([n, v]) => `;${n}=${v}`);
const propName = fc.constantFrom(
  'DTSTART', 'DTEND', 'SUMMARY', 'DESCRIPTION', 'ATTENDEE', 'RRULE', 'EXDATE', 'RDATE', 'CATEGORIES', 'GEO', 'X-ALT-DESC',
  'X-FOO', 'x-lower', 'Dtstart', 'REQUEST-STATUS', 'TRIGGER', 'PRIORITY', 'TZOFFSETFROM', 'DURATION', 'FREEBUSY', 'constructor',
);
const property = fc.tuple(propName, fc.array(param, { maxLength: 3 }), values).map(([n, ps, v]) => `${n}${ps.join('')}:${v}`);
const component = (name: string, inner: fc.Arbitrary<string[]>) =>
  fc.tuple(fc.array(property, { maxLength: 6 }), inner).map(([ps, sub]) => [`BEGIN:${name}`, ...ps, ...sub, `END:${name}`]);
const calendar = component(
  'VCALENDAR',
  fc.array(component('VEVENT', fc.array(component('VALARM', fc.constant([])), { maxLength: 1 }).map((a) => a.flat())), { maxLength: 2 }).map((a) => a.flat()),
);

/** Folds lines at generated places (RFC 5545 §3.1), with CRLF or LF ends, blank lines and stray lines. */
const document = fc
  .tuple(calendar, fc.array(fc.nat(80), { maxLength: 40 }), fc.constantFrom('\r\n', '\n'), fc.array(fc.oneof(fc.constant(''), text(10), fc.constant('END:VEVENT')), { maxLength: 2 }), fc.nat(200))
  .map(([lines, cuts, eol, strays, at]) => {
    const all = [...lines];
    strays.forEach((s, k) => all.splice((at + k) % (all.length + 1), 0, s));
    return all
      .map((l, i) => {
        const cut = cuts[i % Math.max(cuts.length, 1)] ?? 0;
        return cut > 0 && cut < l.length ? `${l.slice(0, cut)}${eol}${i % 2 ? ' ' : '\t'}${l.slice(cut)}` : l;
      })
      .join(eol);
  });

/** assertSame on `numRuns` generated documents (fast-check); how many of them the lexer itself answered. */
function fastPathAnswers(documents: fc.Arbitrary<string>, numRuns: number): number {
  let answered = 0;
  fc.assert(
    fc.property(documents, (doc) => {
      if (assertSame(doc)) answered++;
    }),
    { numRuns },
  );
  return answered;
}

describe('lexCalendar: the jCal ICAL.parse gives', () => {
  it('on generated documents, including broken ones (fast-check)', () => {
    const answered = fastPathAnswers(document, 3000);
    // Most generated documents are deliberately broken; the plain ones must still take the fast path.
    assert.ok(answered > 150, `the fast path answered only ${answered} of 3000 documents`);
  });

  it('on every fixture', () => {
    const dir = new URL('../../fixtures/ics/', import.meta.url);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.ics'))) {
      assert.ok(assertSame(fixture(name).replace(/^\uFEFF/, '')), `${name} was not lexed`);
    }
  });

  it('on every name of the design and of this product, in any letter case, as property and as parameter (fast-check)', () => {
    const design = ICAL.design.getDesignSet('vcalendar') as unknown as { property: object; param: object };
    const names = [...Object.keys(design.property), ...Object.keys(design.param), 'x-alt-desc', 'schedule-agent', 'x-microsoft-cdo-busystatus'];
    const anyCase = (name: string) =>
      fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((up) => [...name].map((c, k) => (up[k] ? c.toUpperCase() : c)).join(''));
    const name = fc.constantFrom(...names).chain(anyCase);
    const line = fc.tuple(name, name, paramValue, values).map(([prop, par, pv, v]) => `${prop};${par}=${pv}:${v}`);
    const documents = fc.array(line, { maxLength: 4 }).map((lines) => ['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n'));
    const answered = fastPathAnswers(documents, 1500);
    assert.ok(answered > 300, `the fast path answered only ${answered} of 1500 documents`);
  });

  it('on folded TEXT values: folds anywhere, inside escapes too, CRLF or LF, space or tab, empty continuations (fast-check)', () => {
    const head = fc.constantFrom('DESCRIPTION', 'summary', 'X-ALT-DESC;FMTTYPE=text/html;VALUE=TEXT', 'COMMENT;LANGUAGE=en', 'X-A;VALUE=TEXT', 'ATTENDEE;CN=a');
    const escapeRich = fc.array(fc.constantFrom('\\', '\\n', '\\N', '\\;', '\\,', '\\\\', '\\x', 'ab', ':', ';', ',', ' '), { maxLength: 12 });
    // Cut positions may repeat: a fold right after a fold is an empty continuation line.
    const folded = fc
      .tuple(head, escapeRich, fc.array(fc.nat(60), { maxLength: 6 }), fc.constantFrom('\r\n', '\n'), fc.constantFrom(' ', '\t'))
      .map(([h, parts, cuts, eol, fold]) => {
        const line = `${h}:${parts.join('')}`;
        const at = [...new Set(cuts.map((c) => (c % line.length) + 1))].concat(cuts.slice(0, 1).map((c) => (c % line.length) + 1)).sort((a, b) => a - b);
        let out = '';
        let from = 0;
        for (const c of at) {
          out += `${line.slice(from, c)}${eol}${fold}`;
          from = c;
        }
        return ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', out + line.slice(from), 'END:VEVENT', 'END:VCALENDAR'].join(eol);
      });
    const answered = fastPathAnswers(folded, 3000);
    assert.ok(answered > 2000, `the fast path answered only ${answered} of 3000 documents`);
  });

  it('leaves what it does not read plainly to ICAL.parse: errors, text before BEGIN, multi-valued parameters', () => {
    for (const doc of [
      'BEGIN:VCALENDAR\r\nno colon here\r\nEND:VCALENDAR',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT',
      'SUMMARY:x\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR',
      'BEGIN:VCALENDAR\r\nATTENDEE;DELEGATED-TO="mailto:a@b","mailto:c@d":mailto:e@f\r\nEND:VCALENDAR',
      'BEGIN:VCARD\r\nFN:x\r\nEND:VCARD',
    ]) {
      assert.equal(lexCalendar(doc), undefined, doc);
    }
  });
});

describe('unescapeText', () => {
  it("equals ical.js's TEXT decoding", () => {
    const decode = (ICAL.design.icalendar.value as Record<string, { fromICAL(v: string): unknown }>).text!.fromICAL;
    fc.assert(fc.property(text(30), (s) => assert.equal(unescapeText(s), decode(s))), { numRuns: 2000 });
  });
});

describe('dateTimeFromIcal', () => {
  it("equals ical.js's DATE-TIME decoding for 15- and 16-character values", () => {
    const decode = (ICAL.design.icalendar.value as Record<string, { fromICAL(v: string): unknown }>)['date-time']!.fromICAL;
    const digits = fc.array(fc.constantFrom('0', '1', '9', 'T', 'Z', 'z', ' ', 'é', '\uD83D'), { minLength: 15, maxLength: 16 }).map((cs) => cs.join(''));
    const any = fc.string({ unit: 'binary', minLength: 15, maxLength: 16 }).filter((s) => s.length === 15 || s.length === 16);
    fc.assert(fc.property(fc.oneof(digits, any), (s) => assert.equal(dateTimeFromIcal(s), decode(s))), { numRuns: 3000 });
    assert.equal(dateTimeFromIcal('20260301T100000Z'), '2026-03-01T10:00:00Z');
  });
});
