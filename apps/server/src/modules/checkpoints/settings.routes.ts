// The zone's checkpoint settings: retention, public rate limits, the contact window of tracing.
import type { FastifyInstance } from 'fastify';
import { CheckpointSettings, CheckpointSettingsPatch } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

export async function settingsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.settings;
  const tags = ['checkpoints'];

  api.get('/api/checkpoints/settings', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The zone’s checkpoint settings: retention days, public rate limits, contact window (defaults until changed)', response: { 200: CheckpointSettings, ...errors } },
    handler: (req) => svc.get(requireCtx(req)),
  });
  api.patch('/api/checkpoints/settings', {
    config: { permission: 'checkpoints.manage' },
    schema: { tags, summary: 'Change some of the settings', body: CheckpointSettingsPatch, response: { 200: CheckpointSettings, ...errors } },
    handler: (req) => svc.update(requireCtx(req), req.body),
  });
}
