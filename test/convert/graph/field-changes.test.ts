import assert from 'node:assert/strict';
import fc from 'fast-check';
import { htmlReaderMemo, sameField, sameNormal, sameTime } from '../../../src/convert/graph/field-changes.js';
import { normalizeFields, normalizeTime, readHtml } from '../../../src/model/fingerprint.js';
import { dateValue, floating, zoned, type Attendee, type EventFields, type EventTime } from '../../../src/model/index.js';

/**
 * sameField and sameTime skip normalising raw-equal values; they must still give exactly the normal
 * forms' verdict. Pairs are built so that every field is, at random, the very same value, an equal copy,
 * a cosmetic variant (blanks, CRLF, case, order) or another value.
 */

const word = fc.constantFrom('Plan', 'plan ', ' Plan', 'Review', '', ' ', 'a\r\nb', 'a\nb  ', 'é€');
const email = fc.constantFrom('ada@x.org', 'ADA@x.org ', 'bob@x.org', ' bob@x.org');
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const attendee: fc.Arbitrary<Attendee> = fc
  .record({
    email,
    name: optional(fc.constantFrom('Ada', ' Ada', 'Bob')),
    role: fc.constantFrom('required', 'optional', 'resource', 'chair') as fc.Arbitrary<Attendee['role']>,
    status: fc.constantFrom('needs-action', 'accepted', 'declined', 'tentative', 'delegated') as fc.Arbitrary<Attendee['status']>,
  })
  .map((a) => (a.name === undefined ? { email: a.email, role: a.role, status: a.status } : (a as Attendee)));
const geo = fc.record({
  latitude: fc.constantFrom(52.52, 52.5200001, -0.0000001, 0, Number.NaN),
  longitude: fc.constantFrom(13.405, 13.4050004, Number.POSITIVE_INFINITY),
});

const fields: fc.Arbitrary<EventFields> = fc
  .record({
    summary: word,
    description: word,
    html: fc.constantFrom(undefined, 'same', '<p>Plan</p>', '<p>Review</p>', '<div>a</div><div>b</div>'),
    locations: fc.array(fc.record({ displayName: word, geo: optional(geo) }), { maxLength: 2 }),
    categories: fc.array(fc.constantFrom('Red', ' Red', 'Blue', ''), { maxLength: 3 }),
    busyStatus: fc.constantFrom('free', 'tentative', 'busy', 'oof') as fc.Arbitrary<EventFields['busyStatus']>,
    sensitivity: fc.constantFrom('normal', 'private') as fc.Arbitrary<EventFields['sensitivity']>,
    importance: fc.constantFrom('low', 'normal', 'high') as fc.Arbitrary<EventFields['importance']>,
    reminderMinutesBefore: optional(fc.constantFrom(0, -0, 15, Number.NaN)),
    status: fc.constantFrom('confirmed', 'tentative', 'cancelled') as fc.Arbitrary<EventFields['status']>,
    onlineMeetingUrl: optional(fc.constantFrom('https://m/1', ' https://m/1', '')),
    organizer: optional(fc.record({ email, name: optional(fc.constantFrom('Boss', 'Boss ')) })),
    attendees: fc.array(attendee, { maxLength: 3 }),
  })
  .map(({ html, locations, organizer, ...f }) => ({
    ...f,
    ...(html === undefined ? {} : { descriptionHtml: html === 'same' ? `<p>${f.description}</p>` : html }),
    locations: locations.map((l) => (l.geo ? l : { displayName: l.displayName })),
    ...(organizer ? { organizer: organizer.name === undefined ? { email: organizer.email } : organizer } : {}),
  }));

const KEYS = Object.keys(normalizeFields(fc.sample(fields, 1)[0]!)) as (keyof EventFields)[];

/** `b` with each field of `a` kept as is, copied, or taken from `other`. */
const pairs = fc.tuple(fields, fields, fc.array(fc.constantFrom('same', 'copy', 'other'), { minLength: KEYS.length, maxLength: KEYS.length })).map(
  ([a, other, choices]) => {
    const b: Record<string, unknown> = {};
    KEYS.forEach((k, i) => {
      const v = choices[i] === 'other' ? other[k] : a[k];
      if (v !== undefined) b[k] = choices[i] === 'copy' ? structuredClone(v) : v;
    });
    return [a, b as unknown as EventFields] as const;
  },
);

describe('field-changes', () => {
  it('sameField agrees with the normal forms of normalizeFields for every field', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const na = normalizeFields(a);
        const nb = normalizeFields(b);
        const read = htmlReaderMemo();
        for (const k of KEYS) assert.equal(sameField(k, a, b, read), sameNormal(na[k], nb[k]), k);
      }),
      { numRuns: 3000 },
    );
  });

  const time: fc.Arbitrary<EventTime> = fc.oneof(
    fc.constantFrom('2024-03-31', '2024-04-01').map(dateValue),
    fc.constantFrom('2024-03-31T02:30:00', '2024-03-31T03:30:00').map(floating),
    fc
      .tuple(
        fc.constantFrom('2024-03-31T02:30:00', '2024-03-31T03:30:00', '2024-03-31T01:30:00'),
        fc.constantFrom('Europe/Berlin', 'Europe/London', 'Asia/Calcutta', 'Asia/Kolkata', 'UTC', 'Etc/UTC'),
      )
      .map(([local, tz]) => zoned(local, tz)),
  );

  it('sameTime agrees with normalizeTime', () => {
    fc.assert(
      fc.property(time, time, fc.boolean(), (a, b, copy) => {
        const other = copy ? structuredClone(a) : b;
        assert.equal(sameTime(a, other), sameNormal(normalizeTime(a), normalizeTime(other)));
      }),
      { numRuns: 2000 },
    );
  });

  it('htmlReaderMemo reads as readHtml does, also on repeated strings', () => {
    const read = htmlReaderMemo();
    for (const html of ['<p>a</p><p>b</p>', '<html><body>x&amp;y</body></html>', '<p>a</p><p>b</p>']) assert.equal(read(html), readHtml(html));
  });
});
