// Inspection tasks and the record made on a phone: my tasks, one task with its checklist, places,
// answers and photos; places walked, photos (resized by the server), answers saved one by one,
// start and submission. Inspectors work only on their own tasks; the zone admin on any.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ChecklistAnswer, ChecklistAnswerInput, Id, IdParams, listOf, Place, PlaceInput, Task, TaskActionBody, TaskActionParams, TaskDetail, TaskListQuery, TaskPatch, TaskPhoto } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import { errors, sendStoredFile, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

const WORK = ['inspections.inspect', 'inspections.manage'] as const;
const PhotoParams = z.strictObject({ id: Id, fileId: Id });

/** The multipart field "file" with its name, read whole. */
async function uploadedPhoto(req: FastifyRequest): Promise<{ bytes: Buffer; filename: string | undefined }> {
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', { detail: String(req.headers['content-type'] ?? '') });
  const part = await req.file();
  if (!part) throw new ValidationError([{ path: 'file', key: 'v.required' }]);
  const bytes = await part.toBuffer();
  if (part.file.truncated) throw new AppError(413, 'payload_too_large', { limit: `${Math.round(bytes.length / 1024 / 1024)} MB` });
  return { bytes, filename: part.filename };
}

export async function tasksRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const tasks = services.inspections.tasks;
  const tags = ['inspections'];

  api.get('/api/inspections/tasks', {
    config: { permission: 'inspections.read' },
    schema: { tags, summary: 'Inspection and follow-up tasks; mine=true: the signed-in inspector’s; missed: not submitted after their day', querystring: TaskListQuery, response: { 200: listOf(Task), ...errors } },
    handler: (req) => tasks.list(requireCtx(req), req.query),
  });
  api.get('/api/inspections/tasks/:id', {
    config: { permission: 'inspections.read' },
    schema: { tags, summary: 'A task with its checklist version, the places walked with their answers, its photos and findings (or, for a follow-up, its ledger item)', params: IdParams, response: { 200: TaskDetail, ...errors } },
    handler: (req) => tasks.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/inspections/tasks/:id', {
    config: { permission: [...WORK] },
    schema: {
      tags,
      summary: 'Record the policies explained on the visit (政策宣贯; empty clears it) while the task is not submitted (409 otherwise); answers the task',
      params: IdParams,
      body: TaskPatch,
      response: { 200: TaskDetail, ...errors },
    },
    handler: (req) => tasks.update(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/inspections/tasks/:id/places', {
    config: { permission: [...WORK] },
    schema: {
      tags,
      summary: 'Add a place walked: the park entrance or inner area, a building or an enterprise of the task’s park (201; the same place again answers 200 with the one there is)',
      params: IdParams,
      body: PlaceInput,
      response: { 200: Place, 201: Place, ...errors },
    },
    handler: async (req, reply) => {
      const { place, created } = await tasks.addPlace(requireCtx(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(place);
    },
  });
  api.post('/api/inspections/tasks/:id/photos', {
    config: { permission: [...WORK] },
    schema: {
      tags,
      summary: 'Upload a photo to the task (multipart field "file"; JPEG or PNG by content, else 415); it is stored resized to at most 1600 px, as JPEG without metadata',
      params: IdParams,
      response: { 201: TaskPhoto, ...errors },
    },
    handler: async (req, reply) => {
      const { bytes, filename } = await uploadedPhoto(req);
      return reply.status(201).send(await tasks.uploadPhoto(requireCtx(req), req.params.id, bytes, filename));
    },
  });
  api.get('/api/inspections/tasks/:id/photos/:fileId', {
    config: { permission: 'inspections.read' },
    schema: { tags, summary: 'A photo of the task (the image, inline)', params: PhotoParams },
    handler: async (req, reply) => sendStoredFile(reply, await tasks.openPhoto(requireCtx(req), req.params.id, req.params.fileId), true),
  });
  api.put('/api/inspections/tasks/:id/answers', {
    config: { permission: [...WORK] },
    schema: {
      tags,
      summary: 'Save one answer (one per place and item; a second replaces the first); number items take a value in the item’s range and pass or fail by its threshold; a failed item may carry its disposition draft',
      params: IdParams,
      body: ChecklistAnswerInput,
      response: { 200: ChecklistAnswer, ...errors },
    },
    handler: (req) => tasks.answer(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/inspections/tasks/:id/actions/:action', {
    config: { permission: [...WORK] },
    schema: {
      tags,
      summary: 'start, or submit: every failed item needs its disposition and required photos are checked; submission locks the task and makes its findings; 409 when the state does not allow it',
      params: TaskActionParams,
      body: TaskActionBody,
      response: { 200: TaskDetail, ...errors },
    },
    handler: (req) => tasks.act(requireCtx(req), req.params.id, req.params.action, req.body ?? {}),
  });
}
