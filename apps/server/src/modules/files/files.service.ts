import type { StoredFile } from '@shuangsheng/contracts';
import type { FileType } from '@shuangsheng/contracts';
import type { FilesTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx, Deps, Executor } from '../../platform/context.js';
import { AppError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { cleanFileName, MIME, sniffFileType } from '../../platform/files.js';
import { newId } from '../../platform/ids.js';
import { makeFilesRepo } from './files.repo.js';
import { canRead, canUpload, type StoredPurpose } from './files.policy.js';

const toStored = (r: FilesTable): StoredFile => ({ id: r.id, name: r.name, type: r.type as FileType, size: r.size, sha256: r.sha256, createdAt: r.created_at });

export function makeFilesService({ database, clock, files }: Deps) {
  const repo = makeFilesRepo(database.db);

  async function upload(ctx: Ctx, purpose: 'service_template', bytes: Buffer, name: string | undefined, allowed?: readonly FileType[]): Promise<StoredFile> {
    if (!canUpload(ctx.actor, purpose)) throw new ForbiddenError();
    const type = sniffFileType(bytes);
    if (!type || (allowed && !allowed.includes(type))) throw new AppError(415, 'unsupported_media_type', { detail: name ?? '' });
    const sha = await files.put(bytes);
    const row: FilesTable = { id: newId(), zone_id: ctx.zoneId, purpose, sha256: sha, type, size: bytes.length, name: cleanFileName(name, type), created_by: ctx.actor.userId, created_at: clock.now() };
    await database.db.transaction().execute(async (trx) => {
      await makeFilesRepo(trx).insert(row);
      await recordAudit(trx, clock, ctx, { action: 'file.upload', entityType: 'file', entityId: row.id, after: { purpose, name: row.name, type, size: row.size, sha256: sha } });
    });
    return toStored(row);
  }

  /** The file and a stream of its bytes, if the actor may read it. */
  async function open(ctx: Ctx, id: string) {
    const row = await repo.get(ctx.zoneId, id);
    if (!row || !canRead(ctx.actor, row.purpose) || !files.has(row.sha256)) throw new NotFoundError('file', id);
    return { file: toStored(row), mime: MIME[row.type as FileType], stream: files.open(row.sha256) };
  }

  /**
   * Stores bytes for a module that has already authorized the write (application materials,
   * generated licences), inside its transaction; the module audits the change it is part of.
   */
  async function storeIn(trx: Executor, ctx: Ctx, purpose: StoredPurpose, bytes: Buffer, name: string | undefined, allowed?: readonly FileType[]): Promise<StoredFile & { sha256: string }> {
    const type = sniffFileType(bytes);
    if (!type || (allowed && !allowed.includes(type))) throw new AppError(415, 'unsupported_media_type', { detail: name ?? '' });
    const sha = await files.put(bytes);
    const row: FilesTable = { id: newId(), zone_id: ctx.zoneId, purpose, sha256: sha, type, size: bytes.length, name: cleanFileName(name, type), created_by: ctx.actor.userId, created_at: clock.now() };
    await makeFilesRepo(trx).insert(row);
    return toStored(row);
  }

  /** The bytes of a file whose reading the calling module has authorized. */
  async function openAuthorized(zoneId: string, id: string) {
    const row = await repo.get(zoneId, id);
    if (!row || !files.has(row.sha256)) throw new NotFoundError('file', id);
    return { file: toStored(row), mime: MIME[row.type as FileType], stream: files.open(row.sha256) };
  }

  return {
    upload,
    open,
    storeIn,
    openAuthorized,
    get: async (zoneId: string, id: string) => {
      const row = await repo.get(zoneId, id);
      return row ? toStored(row) : null;
    },
    namesOf: (zoneId: string, ids: string[]) => repo.namesOf(zoneId, ids),
  };
}
export type FilesService = ReturnType<typeof makeFilesService>;
