import type { FastifyInstance } from 'fastify';
import { FileUploadQuery, IdParams, StoredFile } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import { errors, sendStoredFile, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

export async function filesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  api.post('/api/files', {
    config: { permission: 'files.upload' },
    schema: { tags: ['files'], summary: 'Store a file (multipart field "file"); PDF, JPEG, PNG, xlsx or docx by content', querystring: FileUploadQuery, response: { 201: StoredFile, ...errors } },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', { detail: String(req.headers['content-type'] ?? '') });
      const part = await req.file();
      if (!part) throw new ValidationError([{ path: 'file', key: 'v.required' }]);
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw new AppError(413, 'payload_too_large', { limit: `${Math.round(bytes.length / 1024 / 1024)} MB` });
      return reply.status(201).send(await services.files.upload(requireCtx(req), req.query.purpose, bytes, part.filename));
    },
  });
  api.get('/api/files/:id', {
    config: { permission: 'files.read' },
    schema: { tags: ['files'], summary: 'Download a stored file', params: IdParams },
    handler: async (req, reply) => {
      return sendStoredFile(reply, await services.files.open(requireCtx(req), req.params.id));
    },
  });
}
