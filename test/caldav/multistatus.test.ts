import assert from 'node:assert/strict';
import { DavXmlError } from '../../src/caldav/errors.js';
import {
  parseMultistatus, parseStatusLine, preconditionsInBody, propHref, propText,
} from '../../src/caldav/multistatus.js';
import type { DavReply } from '../../src/caldav/transport.js';
import { NS } from '../../src/caldav/xml.js';

function reply(body: string, status = 207): DavReply {
  return { method: 'REPORT', url: 'http://dav.test/u/cal/', status, headers: new Headers(), body };
}

describe('caldav multistatus parsing', () => {
  it('matches elements by namespace whatever the prefix, and keeps etags and tokens as raw strings', () => {
    const prefixed = `<ns0:multistatus xmlns:ns0="DAV:"><ns0:response><ns0:href>/u/cal/1.ics</ns0:href><ns0:propstat>
      <ns0:status>HTTP/1.1 200 OK</ns0:status><ns0:prop><ns0:getetag>"0012"</ns0:getetag></ns0:prop></ns0:propstat>
      </ns0:response><ns0:sync-token>00042</ns0:sync-token></ns0:multistatus>`;
    const defaulted = `<?xml version="1.0"?><multistatus xmlns="DAV:"><response><href>/u/cal/1.ics</href><propstat>
      <prop><getetag>"0012"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>
      <sync-token>00042</sync-token></multistatus>`;
    for (const body of [prefixed, defaulted]) {
      const ms = parseMultistatus(reply(body));
      assert.equal(ms.syncToken, '00042');
      assert.equal(ms.entries[0]?.href, 'http://dav.test/u/cal/1.ics');
      assert.equal(propText(ms.entries[0]!, NS.dav, 'getetag'), '"0012"');
    }
  });

  it('ignores properties from non-2xx propstats and element names from other namespaces', () => {
    const ms = parseMultistatus(reply(`<d:multistatus xmlns:d="DAV:" xmlns:x="urn:other"><d:response>
      <d:href>/u/</d:href>
      <d:propstat><d:prop><x:getetag>"wrong ns"</x:getetag><d:current-user-principal><d:href>/principals/u/</d:href>
        </d:current-user-principal></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
      <d:propstat><d:prop><d:getetag/><d:displayname/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
      </d:response></d:multistatus>`));
    const entry = ms.entries[0]!;
    assert.equal(propText(entry, NS.dav, 'getetag'), undefined);
    assert.equal(propText(entry, NS.dav, 'displayname'), undefined);
    assert.equal(propHref(entry, NS.dav, 'current-user-principal', 'http://dav.test/u/'), 'http://dav.test/principals/u/');
  });

  it('expands one response with several hrefs sharing a status', () => {
    const ms = parseMultistatus(reply(`<multistatus xmlns="DAV:"><response><href>/u/cal/a.ics</href>
      <href>/u/cal/b.ics</href><status>HTTP/1.1 404 Not Found</status></response></multistatus>`));
    assert.deepEqual(ms.entries.map((e) => [e.href, e.status]),
      [['http://dav.test/u/cal/a.ics', 404], ['http://dav.test/u/cal/b.ics', 404]]);
  });

  it('keeps calendar-data text intact, CDATA included', () => {
    const ics = 'BEGIN:VCALENDAR\nSUMMARY:a < b & c\nEND:VCALENDAR\n';
    const ms = parseMultistatus(reply(`<d:multistatus xmlns:d="DAV:" xmlns:c="${NS.caldav}"><d:response>
      <d:href>/u/cal/a.ics</d:href><d:propstat><d:prop><c:calendar-data><![CDATA[${ics}]]></c:calendar-data></d:prop>
      <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`));
    assert.equal(propText(ms.entries[0]!, NS.caldav, 'calendar-data'), ics);
  });

  it('names what is wrong with a body that is not a multistatus', () => {
    assert.throws(() => parseMultistatus(reply('<html><body>oops</body></html>')), DavXmlError);
    assert.throws(() => parseMultistatus(reply('<multistatus xmlns="DAV:"><response>')), DavXmlError);
  });

  it('reads preconditions and their hrefs from DAV:error bodies, and nothing from other bodies', () => {
    const body = `<D:error xmlns:D="DAV:" xmlns:C="${NS.caldav}"><C:no-uid-conflict><D:href>/u/cal/orig.ics</D:href>
      </C:no-uid-conflict></D:error>`;
    assert.deepEqual(preconditionsInBody(reply(body, 409)),
      [{ ns: NS.caldav, name: 'no-uid-conflict', hrefs: ['http://dav.test/u/cal/orig.ics'] }]);
    assert.deepEqual(preconditionsInBody(reply('Forbidden', 403)), []);
    assert.deepEqual(preconditionsInBody(reply('<html>nope</html>', 403)), []);
  });

  it('parses HTTP status lines', () => {
    assert.equal(parseStatusLine('HTTP/1.1 507 Insufficient Storage'), 507);
    assert.equal(parseStatusLine(' HTTP/2 200 '), 200);
    assert.equal(parseStatusLine('garbage'), undefined);
  });
});
