import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { icsToItem, itemToIcs, patchIcs } from '../../../src/convert/ical/index.js';
import { uriValue } from '../../../src/convert/ical/write-mapping.js';
import { DEFAULT_EVENT_FIELDS, zoned, type CalendarItem } from '../../../src/model/index.js';

const item = (url: string, email: string): CalendarItem => ({
  kind: 'single',
  uid: 'u1',
  event: {
    ...DEFAULT_EVENT_FIELDS,
    summary: 'Call',
    start: zoned('2026-03-02T10:00:00', 'Europe/Berlin'),
    end: zoned('2026-03-02T11:00:00', 'Europe/Berlin'),
    onlineMeetingUrl: url,
    organizer: { email },
    attendees: [{ email, role: 'required', status: 'accepted' }],
  },
});

describe('write-mapping: URI and CAL-ADDRESS values', () => {
  it('drops CR and LF from a URI, as a browser does with a link (WHATWG URL), and keeps the rest', () => {
    assert.equal(uriValue('https://teams.example/join?id=1\r\n'), 'https://teams.example/join?id=1');
    assert.equal(uriValue('https://a.example/x\ny\rz'), 'https://a.example/xyz');
    assert.equal(uriValue('https://a.example/ok'), 'https://a.example/ok');
  });

  it('a meeting URL or address with line breaks does not break the object, written new or patched', () => {
    const broken = item('https://teams.example/join?id=1\r\nBEGIN:VALARM', 'ann@example.org\nX-EVIL:1');
    const ics = itemToIcs(broken);
    for (const line of ics.split('\r\n')) assert.ok(!/[\r\n]/.test(line), JSON.stringify(line));
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getAllSubcomponents('valarm').length, 0);
    assert.equal(vevent.getFirstPropertyValue('url'), 'https://teams.example/join?id=1BEGIN:VALARM');
    assert.equal(vevent.getFirstPropertyValue('organizer'), 'mailto:ann@example.orgX-EVIL:1');
    assert.equal(vevent.getFirstProperty('x-evil'), null);
    assert.equal((icsToItem(ics).item as { event: { onlineMeetingUrl?: string } }).event.onlineMeetingUrl, 'https://teams.example/join?id=1BEGIN:VALARM');

    const patched = patchIcs(itemToIcs(item('https://a.example/old', 'ann@example.org')), undefined, broken);
    for (const line of patched.split('\r\n')) assert.ok(!/[\r\n]/.test(line), JSON.stringify(line));
    const v2 = new ICAL.Component(ICAL.parse(patched)).getFirstSubcomponent('vevent')!;
    assert.equal(v2.getFirstPropertyValue('url'), 'https://teams.example/join?id=1BEGIN:VALARM');
    assert.equal(v2.getFirstProperty('x-evil'), null);
  });
});
