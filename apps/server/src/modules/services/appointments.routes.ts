// 预约办 routes: slots (officers make and close them, applicants browse them) and bookings.
import type { FastifyInstance } from 'fastify';
import {
  BOOKING_ACTIONS, BOOKING_STATUS_LABELS, Booking, BookingExportQuery, BookingInput, BookingListQuery, HALF_DAY_LABELS, IdParams, labelIn, listOf, Slot, SLOT_ACTIONS, SLOT_STATUS_LABELS,
  SlotBulkInput, SlotBulkResult, SlotExportQuery, SlotInput, SlotListQuery, SlotPatch,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

const READ = ['services.apply', 'services.handle'] as const;

export async function appointmentRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.servicesExtras.appointments;

  api.get('/api/appointment-slots', {
    config: { permission: READ },
    schema: { tags: ['services'], summary: 'Appointment slots (预约时段) by item, window and half-day', querystring: SlotListQuery, response: { 200: listOf(Slot), ...errors } },
    handler: (req) => svc.listSlots(requireCtx(req), req.query),
  });
  api.get('/api/appointment-slots/export.xlsx', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'The filtered slots as Excel', querystring: SlotExportQuery },
    handler: (req, reply) => {
      const lang = req.lang;
      const columns = [
        { key: 'date', zh: '日期', en: 'Date', width: 12, value: (s: Slot) => s.date },
        { key: 'halfDay', zh: '时段', en: 'Half-day', width: 10, value: (s: Slot) => labelIn(lang, HALF_DAY_LABELS[s.halfDay]) },
        { key: 'window', zh: '窗口', en: 'Window', width: 12, value: (s: Slot) => s.window },
        { key: 'item', zh: '事项', en: 'Service item', width: 30, value: (s: Slot) => s.itemName },
        { key: 'department', zh: '实施部门', en: 'Department', width: 20, value: (s: Slot) => s.department },
        { key: 'capacity', zh: '名额', en: 'Capacity', width: 8, value: (s: Slot) => s.capacity },
        { key: 'booked', zh: '已预约', en: 'Booked', width: 8, value: (s: Slot) => s.booked },
        { key: 'status', zh: '状态', en: 'Status', width: 10, value: (s: Slot) => labelIn(lang, SLOT_STATUS_LABELS[s.status]) },
      ];
      return sendXlsx(reply, 'appointment-slots', xlsxStream(lang === 'en-US' ? 'Slots' : '预约时段', columns, svc.exportSlots(requireCtx(req), req.query), lang));
    },
  });
  api.post('/api/appointment-slots', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], body: SlotInput, response: { 201: Slot, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await svc.createSlot(requireCtx(req), req.body)),
  });
  api.post('/api/appointment-slots/bulk', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Slots for every working day of a range (the zone calendar), existing ones skipped', body: SlotBulkInput, response: { 201: SlotBulkResult, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await svc.bulkCreateSlots(requireCtx(req), req.body)),
  });
  api.get('/api/appointment-slots/:id', {
    config: { permission: READ },
    schema: { tags: ['services'], params: IdParams, response: { 200: Slot, ...errors } },
    handler: (req) => svc.getSlot(requireCtx(req), req.params.id),
  });
  api.patch('/api/appointment-slots/:id', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Window or capacity (never below the bookings made)', params: IdParams, body: SlotPatch, response: { 200: Slot, ...errors } },
    handler: (req) => svc.updateSlot(requireCtx(req), req.params.id, req.body),
  });
  for (const action of SLOT_ACTIONS) {
    api.post(`/api/appointment-slots/:id/actions/${action}`, {
      config: { permission: 'services.handle' },
      schema: { tags: ['services'], summary: `${action} the slot; 409 with the current status when it cannot`, params: IdParams, response: { 200: Slot, ...errors } },
      handler: (req) => svc.slotAction(requireCtx(req), req.params.id, action),
    });
  }

  api.get('/api/appointments', {
    config: { permission: READ },
    schema: { tags: ['services'], summary: 'Bookings: all of the zone for officers, their own for applicants', querystring: BookingListQuery, response: { 200: listOf(Booking), ...errors } },
    handler: (req) => svc.listBookings(requireCtx(req), req.query),
  });
  api.get('/api/appointments/export.xlsx', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'The filtered bookings as Excel (phones masked)', querystring: BookingExportQuery },
    handler: (req, reply) => {
      const lang = req.lang;
      const columns = [
        { key: 'code', zh: '预约码', en: 'Code', width: 10, value: (b: Booking) => b.code },
        { key: 'date', zh: '日期', en: 'Date', width: 12, value: (b: Booking) => b.date },
        { key: 'halfDay', zh: '时段', en: 'Half-day', width: 10, value: (b: Booking) => labelIn(lang, HALF_DAY_LABELS[b.halfDay]) },
        { key: 'window', zh: '窗口', en: 'Window', width: 12, value: (b: Booking) => b.window },
        { key: 'item', zh: '事项', en: 'Service item', width: 30, value: (b: Booking) => b.itemName },
        { key: 'enterprise', zh: '企业', en: 'Enterprise', width: 28, value: (b: Booking) => b.enterpriseName },
        { key: 'contact', zh: '联系人', en: 'Contact', width: 10, value: (b: Booking) => b.contactName },
        { key: 'phone', zh: '联系电话', en: 'Phone', width: 14, value: (b: Booking) => b.contactPhoneMasked },
        { key: 'status', zh: '状态', en: 'Status', width: 10, value: (b: Booking) => labelIn(lang, BOOKING_STATUS_LABELS[b.status]) },
        { key: 'note', zh: '备注', en: 'Note', width: 24, value: (b: Booking) => b.note },
      ];
      return sendXlsx(reply, 'appointments', xlsxStream(lang === 'en-US' ? 'Appointments' : '预约记录', columns, svc.exportBookings(requireCtx(req), req.query), lang));
    },
  });
  api.post('/api/appointments', {
    config: { permission: 'services.apply' },
    schema: { tags: ['services'], summary: 'Book a place in a slot; 409 when full, 422 when past or closed', body: BookingInput, response: { 201: Booking, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await svc.book(requireCtx(req), req.body)),
  });
  api.get('/api/appointments/:id', {
    config: { permission: READ },
    schema: { tags: ['services'], params: IdParams, response: { 200: Booking, ...errors } },
    handler: (req) => svc.getBooking(requireCtx(req), req.params.id),
  });
  for (const action of BOOKING_ACTIONS) {
    api.post(`/api/appointments/:id/actions/${action}`, {
      // Applicants cancel their own bookings; check-in and no-show are the officers' (see the service).
      config: { permission: action === 'cancel' ? READ : 'services.handle' },
      schema: { tags: ['services'], summary: `${action}; 409 with the current status when the booking does not allow it`, params: IdParams, response: { 200: Booking, ...errors } },
      handler: (req) => svc.bookingAction(requireCtx(req), req.params.id, action),
    });
  }
}
