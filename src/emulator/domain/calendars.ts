import type { EmulatorResponse } from '../contract.js';
import type { GraphCalendar } from '../../graph/types.js';
import { type RequestContext, contextUrl, json, userFragment } from './context.js';
import { GraphError, badRequest } from './errors.js';
import { newChangeKey } from './ids.js';
import { newCalendar, type StoredCalendar } from './store.js';

/**
 * Calendars: list, get, create, update, delete (MGDC:api-reference/v1.0/api/user-list-calendars.md,
 * calendar-update.md, calendar-delete.md; sample 21).
 */

const COLORS = ['auto', 'lightBlue', 'lightGreen', 'lightOrange', 'lightGray', 'lightYellow', 'lightTeal', 'lightPink', 'lightBrown', 'lightRed', 'maxColor'];

function renderCalendar(ctx: RequestContext, cal: StoredCalendar): GraphCalendar {
  return {
    '@odata.id': `${ctx.req.baseUrl}/${ctx.req.version}/${userFragment(ctx)}/calendars('${cal.id}')`,
    id: cal.id,
    name: cal.name,
    color: cal.color,
    hexColor: cal.hexColor,
    isDefaultCalendar: cal.isDefault,
    changeKey: cal.changeKey,
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: true,
    // "isRemovable: false = default calendar" (sample 21).
    isRemovable: !cal.isDefault,
    owner: { name: ctx.mailbox.displayName, address: ctx.mailbox.upn },
  };
}

export function listCalendars(ctx: RequestContext): EmulatorResponse {
  const value = [...ctx.mailbox.calendars.values()].map((c) => renderCalendar(ctx, c));
  return json(ctx, 200, { '@odata.context': contextUrl(ctx, `${userFragment(ctx)}/calendars`), value });
}

export function getCalendar(ctx: RequestContext, cal: StoredCalendar): EmulatorResponse {
  return json(ctx, 200, { '@odata.context': contextUrl(ctx, `${userFragment(ctx)}/calendars/$entity`), ...renderCalendar(ctx, cal) });
}

/** A usable, unused calendar name; a name already in use → 409 ErrorFolderExists. */
function freeName(ctx: RequestContext, raw: unknown, except?: StoredCalendar): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name === '') throw badRequest('The calendar name is required.', 'ErrorInvalidRequest');
  const taken = [...ctx.mailbox.calendars.values()].some((c) => c !== except && c.name.toLowerCase() === name.toLowerCase());
  if (taken) throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
  return name;
}

/** POST /calendars {"name": …} → 201. */
export function createCalendar(ctx: RequestContext): EmulatorResponse {
  const body = ctx.req.body as { name?: unknown } | undefined;
  const cal = newCalendar(freeName(ctx, body?.name), false);
  ctx.mailbox.calendars.set(cal.id, cal);
  return json(ctx, 201, { '@odata.context': contextUrl(ctx, `${userFragment(ctx)}/calendars/$entity`), ...renderCalendar(ctx, cal) });
}

/** PATCH name and/or color → 200; the changeKey moves. */
export function updateCalendar(ctx: RequestContext, cal: StoredCalendar): EmulatorResponse {
  const body = (ctx.req.body ?? {}) as { name?: unknown; color?: unknown };
  if (body.name !== undefined) cal.name = freeName(ctx, body.name, cal);
  if (body.color !== undefined) {
    const color = COLORS.find((c) => typeof body.color === 'string' && c.toLowerCase() === body.color.toLowerCase());
    if (!color) throw badRequest(`Requested value '${String(body.color)}' was not found for property 'color'.`, 'ErrorInvalidRequest');
    cal.color = color;
  }
  cal.changeKey = newChangeKey();
  return getCalendar(ctx, cal);
}

/** DELETE → 204 with its events; the default calendar is a distinguished folder and stays. */
export function deleteCalendar(ctx: RequestContext, cal: StoredCalendar): EmulatorResponse {
  if (cal.isDefault) throw new GraphError(400, 'ErrorDeleteDistinguishedFolder', 'Distinguished folders cannot be deleted.');
  for (const [id, event] of ctx.mailbox.events) if (event.calendarId === cal.id) ctx.mailbox.events.delete(id);
  ctx.mailbox.calendars.delete(cal.id);
  return { status: 204 };
}
