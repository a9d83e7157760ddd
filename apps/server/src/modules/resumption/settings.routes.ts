// The zone's settings of the resumption module: read by everyone who reads the module, changed by the zone's admin.
import type { FastifyInstance } from 'fastify';
import { ResumptionSettings, ResumptionSettingsPatch } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

export async function settingsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const settings = services.resumption.settings;
  api.get('/api/resumption/settings', {
    config: { permission: 'resumption.read' },
    schema: { tags: ['resumption'], summary: 'The zone’s SLA for plans (hours), the daily reports’ cut-off hour and the demands’ default hours', response: { 200: ResumptionSettings, ...errors } },
    handler: (req) => settings.get(requireCtx(req)),
  });
  api.patch('/api/resumption/settings', {
    config: { permission: 'zones.manage' },
    schema: { tags: ['resumption'], summary: 'Change the zone’s settings of the module (only the fields sent)', body: ResumptionSettingsPatch, response: { 200: ResumptionSettings, ...errors } },
    handler: (req) => settings.update(requireCtx(req), req.body),
  });
}
