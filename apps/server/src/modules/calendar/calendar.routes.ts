import type { FastifyInstance } from 'fastify';
import { CalendarDateParams, CalendarDay, CalendarDayInput, CalendarYear, CalendarYearQuery, DueDate, DueDateQuery, LoadNationalBody, Ok } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

export async function calendarRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const calendar = services.calendar;

  api.get('/api/calendar', {
    config: { permission: 'calendar.read' },
    schema: { tags: ['calendar'], summary: "A year of the zone's working-day calendar: its holidays and swapped working days (调休)", querystring: CalendarYearQuery, response: { 200: CalendarYear, ...errors } },
    handler: (req) => calendar.year(requireCtx(req), req.query.year),
  });
  api.put('/api/calendar/days/:date', {
    config: { permission: 'calendar.manage' },
    schema: { tags: ['calendar'], summary: 'Make a day a holiday or a working day', params: CalendarDateParams, body: CalendarDayInput, response: { 200: CalendarDay, ...errors } },
    handler: (req) => calendar.setDay(requireCtx(req), req.params.date, req.body),
  });
  api.delete('/api/calendar/days/:date', {
    config: { permission: 'calendar.manage' },
    schema: { tags: ['calendar'], summary: 'Return a day to the Monday–Friday rule', params: CalendarDateParams, response: { 200: Ok, ...errors } },
    handler: async (req) => {
      await calendar.clearDay(requireCtx(req), req.params.date);
      return { ok: true as const };
    },
  });
  api.post('/api/calendar/actions/load-national', {
    config: { permission: 'calendar.manage' },
    schema: { tags: ['calendar'], summary: 'Load the national holiday schedule of a year (2020, with the extended Spring Festival)', body: LoadNationalBody, response: { 200: CalendarYear, ...errors } },
    handler: (req) => calendar.loadNational(requireCtx(req), req.body.year, req.body.extendedSpringFestival),
  });
  api.get('/api/calendar/due', {
    config: { permission: 'calendar.read' },
    schema: { tags: ['calendar'], summary: 'The due date of a limit in working days; the start day is not counted', querystring: DueDateQuery, response: { 200: DueDate, ...errors } },
    handler: async (req) => ({ from: req.query.from, days: req.query.days, due: await calendar.dueDate(requireCtx(req).zoneId, req.query.from, req.query.days) }),
  });
}
