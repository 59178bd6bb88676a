import type { EmulatorResponse } from '../contract.js';
import type { GraphCalendar } from '../../graph/types.js';
import { type RequestContext, contextUrl, json, userFragment } from './context.js';
import { GraphError, badRequest } from './errors.js';
import { newCalendar, type StoredCalendar } from './store.js';

/** Calendars: list, get, create (MGDC:api-reference/v1.0/api/user-list-calendars.md, sample 21). */

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

/** POST /calendars {"name": …}: 201; a name already in use → 409 ErrorFolderExists. */
export function createCalendar(ctx: RequestContext): EmulatorResponse {
  const body = ctx.req.body as { name?: unknown } | undefined;
  const name = typeof body?.name === 'string' ? body.name.trim() : '';
  if (name === '') throw badRequest('The calendar name is required.', 'ErrorInvalidRequest');
  if ([...ctx.mailbox.calendars.values()].some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
  }
  const cal = newCalendar(name, false);
  ctx.mailbox.calendars.set(cal.id, cal);
  return json(ctx, 201, { '@odata.context': contextUrl(ctx, `${userFragment(ctx)}/calendars/$entity`), ...renderCalendar(ctx, cal) });
}
