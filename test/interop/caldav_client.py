"""A real CalDAV client (Debian's python3-caldav 0.11) acting on a calendar, for test/interop.

Run with /usr/bin/python3 (Debian's Python libs load only there). Reads one JSON request on stdin:
  {"url", "username", "password", "calendar": display name,
   "action": "read", "start": ISO UTC, "end": ISO UTC, "expand": "server" (default) or "client"}
    -> {"objects": [{"uid", "summary", "class", "description", "attendees"}], "occurrences": [{"uid", "summary", "start", "end", "recurrence_id"}]}
  {"action": "write", "events": [ICS text, ...]} (plus the connection keys) -> {"saved": [href, ...]}
Times are printed as UTC ISO ('2026-12-10T13:00:00Z'), DATE values as '2026-12-21', floating ones without 'Z'.
"""
import datetime
import json
import sys

import caldav


def as_text(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.strftime('%Y-%m-%dT%H:%M:%S')
        return value.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError('not a date or date-time: %r' % (value,))


def end_of(vevent, start):
    if 'DTEND' in vevent:
        return vevent.decoded('DTEND')
    if 'DURATION' in vevent:
        return start + vevent.decoded('DURATION')
    # RFC 5545 3.6.1: no DTEND/DURATION means one day for a DATE start, zero length otherwise.
    return start + datetime.timedelta(days=1) if not isinstance(start, datetime.datetime) else start


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def recurrence_ids(vevent):
    # expand_rrule adds a RECURRENCE-ID to each occurrence, next to an override's own one.
    return sorted({as_text(v.dt) for v in as_list(vevent.get('RECURRENCE-ID'))})


def find_calendar(request):
    client = caldav.DAVClient(url=request['url'], username=request['username'], password=request['password'])
    calendars = client.principal().calendars()
    named = [c for c in calendars if c.name == request['calendar']]
    if len(named) != 1:
        raise SystemExit('calendar %r not found once among %r' % (request['calendar'], [c.name for c in calendars]))
    return named[0]


def vevents(obj):
    return [c for c in obj.icalendar_instance.subcomponents if c.name == 'VEVENT']


def read(calendar, request):
    objects = []
    for obj in calendar.events():
        for vevent in vevents(obj):
            if 'RECURRENCE-ID' not in vevent:
                objects.append({
                    'uid': str(vevent['UID']),
                    'summary': str(vevent.get('SUMMARY', '')),
                    'class': str(vevent.get('CLASS', 'PUBLIC')),
                    'description': str(vevent.get('DESCRIPTION', '')),
                    'attendees': sorted(str(a) for a in as_list(vevent.get('ATTENDEE'))),
                })
    start = datetime.datetime.fromisoformat(request['start'].replace('Z', '+00:00'))
    end = datetime.datetime.fromisoformat(request['end'].replace('Z', '+00:00'))
    occurrences = []
    for obj in expanded(calendar, start, end, request.get('expand', 'server')):
        for vevent in vevents(obj):
            dtstart = vevent.decoded('DTSTART')
            occurrences.append({
                'uid': str(vevent['UID']),
                'summary': str(vevent.get('SUMMARY', '')),
                'start': as_text(dtstart),
                'end': as_text(end_of(vevent, dtstart)),
                'recurrence_id': recurrence_ids(vevent),
            })
    return {'objects': objects, 'occurrences': occurrences}


def expanded(calendar, start, end, where):
    if where == 'server':
        # python3-caldav asks the server to expand and expands itself if the answer still holds RRULEs.
        return calendar.search(start=start, end=end, event=True, expand=True)
    # The same client-side expansion python3-caldav falls back to, for servers whose expand fails outright.
    found = []
    for obj in calendar.search(start=start, end=end, event=True):
        if any('RRULE' in v or 'RDATE' in v for v in vevents(obj)):
            obj.expand_rrule(start, end)
        found.extend(obj.split_expanded())
    return found


def write(calendar, request):
    return {'saved': [str(calendar.save_event(ics).url) for ics in request['events']]}


def main():
    request = json.load(sys.stdin)
    calendar = find_calendar(request)
    action = {'read': read, 'write': write}[request['action']]
    json.dump(action(calendar, request), sys.stdout)


if __name__ == '__main__':
    main()
