import assert from 'node:assert/strict';
import {
  appendAttendeeHtml,
  appendAttendeeText,
  extractAttendeeText,
  stripAttendeeHtml,
} from '../../../src/convert/graph/attendee-block.js';
import { htmlToText } from '../../../src/convert/graph/html-text.js';
import type { Attendee } from '../../../src/model/index.js';

const people: Attendee[] = [
  { email: 'ada@example.org', name: 'Ada (CTO) Lovelace', role: 'chair', status: 'accepted' },
  { email: 'bob@example.org', role: 'optional', status: 'needs-action' },
];

describe('attendee block', () => {
  it('writes a readable block and reads it back exactly', () => {
    const text = appendAttendeeText('Agenda\nitem', people);
    assert.equal(
      text,
      'Agenda\nitem\n\nAttendees (kept by calbridge, not invited):\n' +
        '- Ada (CTO) Lovelace <ada@example.org> (chair, accepted)\n- bob@example.org (optional, needs-action)',
    );
    assert.deepEqual(extractAttendeeText(text), { text: 'Agenda\nitem', attendees: people });
  });

  it('leaves text without attendees, or without a block, alone', () => {
    assert.equal(appendAttendeeText('x', []), 'x');
    assert.equal(extractAttendeeText('no block here'), undefined);
    assert.equal(extractAttendeeText('Attendees (kept by calbridge, not invited):\n- not a line'), undefined);
  });

  it('puts the block inside the HTML body and strips it again', () => {
    const html = '<html><body><p>Agenda</p></body></html>';
    const withBlock = appendAttendeeHtml(html, people);
    assert.match(withBlock, /<\/div><\/body><\/html>$/);
    assert.deepEqual(extractAttendeeText(htmlToText(withBlock)), { text: 'Agenda', attendees: people });
    assert.equal(stripAttendeeHtml(withBlock), html);
  });
});
