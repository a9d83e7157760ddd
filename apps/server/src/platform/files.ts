// The file store (ARCHITECTURE §7): content-addressed by SHA-256 on disk, the type decided by magic
// bytes against an allow-list — never by the name a client gives.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FileType } from '@shuangsheng/contracts';

export type FileStore = {
  /** Stores the bytes (once per content) and returns their hash. */
  put(bytes: Buffer): Promise<string>;
  open(sha256: string): Readable;
  has(sha256: string): boolean;
};

export function diskFileStore(root: string): FileStore {
  const where = (sha: string) => path.join(root, sha.slice(0, 2), sha);
  return {
    async put(bytes) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const target = where(sha);
      if (!existsSync(target)) {
        mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        // Written under a temporary name and renamed: a reader never sees half a file.
        const tmp = `${target}.${process.pid}.tmp`;
        writeFileSync(tmp, bytes, { mode: 0o600 });
        renameSync(tmp, target);
      }
      return sha;
    },
    open: (sha) => createReadStream(where(sha)),
    has: (sha) => existsSync(where(sha)),
  };
}

export const MIME: Record<FileType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The type of a file from its first bytes; null when it is none of the allowed ones. */
export function sniffFileType(bytes: Buffer): FileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML: a zip whose entry names tell a workbook from a document.
    const names = bytes.toString('latin1');
    if (names.includes('[Content_Types].xml') || names.includes('_rels/.rels')) {
      if (names.includes('xl/')) return 'xlsx';
      if (names.includes('word/')) return 'docx';
    }
  }
  return null;
}

/** A name safe to store and to offer back in Content-Disposition. */
export function cleanFileName(name: string | undefined, type: FileType): string {
  const base = (name ?? '').replace(/[\\/\u0000-\u001f\u007f]/g, '').trim().slice(-120) || 'file';
  const ext = type === 'jpeg' ? /\.(jpe?g)$/i : new RegExp(`\\.${type}$`, 'i');
  return ext.test(base) ? base : `${base}.${type === 'jpeg' ? 'jpg' : type}`;
}
