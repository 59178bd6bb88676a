import type { JcalProperty } from './lex.js';
import { paramOf } from './read-jcal.js';
import { ALL_DAY_X, ALT_DESC, CDO_BUSY, EXTRA_LOCATION_X, MEETING_URL_PROPS, SENSITIVITY_X } from './vocabulary.js';

/** The shared "none met" list: lists are made only for names the VEVENT holds. */
const NONE: readonly JcalProperty[] = [];

function append(list: readonly JcalProperty[], p: JcalProperty): readonly JcalProperty[] {
  if (list === NONE) return [p];
  (list as JcalProperty[]).push(p);
  return list;
}

/** Whether an X-ALT-DESC is HTML (others, e.g. FMTTYPE=text/plain, are not read). */
const isHtml = (p: JcalProperty): boolean => String(paramOf(p, 'fmttype') ?? '').toLowerCase() === 'text/html';

/**
 * The properties of one VEVENT the reader looks at, found in one pass over its jCal: for each name
 * the first property of that name (what getFirstProperty gives), or all of them in document order.
 * The reader asks for some thirty names per VEVENT; a scan of the list for each cost more than
 * reading the VEVENT's fields.
 */
export class VeventProps {
  uid: JcalProperty | undefined;
  dtstart: JcalProperty | undefined;
  dtend: JcalProperty | undefined;
  duration: JcalProperty | undefined;
  recurrenceId: JcalProperty | undefined;
  exrule: JcalProperty | undefined;
  allDayFlag: JcalProperty | undefined;
  summary: JcalProperty | undefined;
  description: JcalProperty | undefined;
  /** The first X-ALT-DESC with FMTTYPE text/html. */
  html: JcalProperty | undefined;
  location: JcalProperty | undefined;
  geo: JcalProperty | undefined;
  transp: JcalProperty | undefined;
  cdoBusy: JcalProperty | undefined;
  classification: JcalProperty | undefined;
  sensitivity: JcalProperty | undefined;
  priority: JcalProperty | undefined;
  status: JcalProperty | undefined;
  organizer: JcalProperty | undefined;
  /** The first property of each of MEETING_URL_PROPS, in that order (holes where absent); NONE if none. */
  meetingUrls: readonly (JcalProperty | undefined)[];
  rrules: readonly JcalProperty[];
  rdates: readonly JcalProperty[];
  exdates: readonly JcalProperty[];
  extraLocations: readonly JcalProperty[];
  categories: readonly JcalProperty[];
  attendees: readonly JcalProperty[];

  constructor(props: readonly JcalProperty[]) {
    this.uid = this.dtstart = this.dtend = this.duration = this.recurrenceId = this.exrule = undefined;
    this.allDayFlag = this.summary = this.description = this.html = this.location = this.geo = undefined;
    this.transp = this.cdoBusy = this.classification = this.sensitivity = this.priority = this.status = undefined;
    this.organizer = undefined;
    this.meetingUrls = this.rrules = this.rdates = this.exdates = this.extraLocations = this.categories = this.attendees = NONE;
    for (const p of props) this.add(p);
  }

  private add(p: JcalProperty): void {
    switch (p[0]) {
      case 'uid': this.uid ??= p; break;
      case 'dtstart': this.dtstart ??= p; break;
      case 'dtend': this.dtend ??= p; break;
      case 'duration': this.duration ??= p; break;
      case 'recurrence-id': this.recurrenceId ??= p; break;
      case 'exrule': this.exrule ??= p; break;
      case ALL_DAY_X: this.allDayFlag ??= p; break;
      case 'summary': this.summary ??= p; break;
      case 'description': this.description ??= p; break;
      case ALT_DESC: if (this.html === undefined && isHtml(p)) this.html = p; break;
      case 'location': this.location ??= p; break;
      case 'geo': this.geo ??= p; break;
      case 'transp': this.transp ??= p; break;
      case CDO_BUSY: this.cdoBusy ??= p; break;
      case 'class': this.classification ??= p; break;
      case SENSITIVITY_X: this.sensitivity ??= p; break;
      case 'priority': this.priority ??= p; break;
      case 'status': this.status ??= p; break;
      case 'organizer': this.organizer ??= p; break;
      case 'rrule': this.rrules = append(this.rrules, p); break;
      case 'rdate': this.rdates = append(this.rdates, p); break;
      case 'exdate': this.exdates = append(this.exdates, p); break;
      case EXTRA_LOCATION_X: this.extraLocations = append(this.extraLocations, p); break;
      case 'categories': this.categories = append(this.categories, p); break;
      case 'attendee': this.attendees = append(this.attendees, p); break;
      default: this.addMeetingUrl(p);
    }
  }

  private addMeetingUrl(p: JcalProperty): void {
    const slot = (MEETING_URL_PROPS as readonly string[]).indexOf(p[0]);
    if (slot < 0) return;
    const urls = this.meetingUrls === NONE ? (this.meetingUrls = new Array<JcalProperty | undefined>(MEETING_URL_PROPS.length).fill(undefined)) : this.meetingUrls;
    (urls as (JcalProperty | undefined)[])[slot] ??= p;
  }
}
