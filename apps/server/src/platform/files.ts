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

/**
 * The entry names of a zip, from its central directory (found through the end record within the
 * last 64 KiB); null when the bytes are no readable zip.
 */
function zipEntryNames(b: Buffer): string[] | null {
  const last = b.length - 22;
  for (let end = last; end >= Math.max(0, last - 0xffff); end--) {
    if (b.readUInt32LE(end) !== 0x06054b50) continue;
    const count = b.readUInt16LE(end + 10);
    let at = b.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 46 > end || b.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = b.readUInt16LE(at + 28);
      names.push(b.toString('utf8', at + 46, Math.min(at + 46 + nameLength, end)));
      at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    }
    return names;
  }
  return null;
}

/** The type of a file from its first bytes; null when it is none of the allowed ones. */
export function sniffFileType(bytes: Buffer): FileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML: a zip whose entries tell a workbook from a document. Their names, not
    // bytes anywhere in the file: compressed data or a document's text can hold "xl/" too.
    const names = zipEntryNames(bytes);
    if (!names?.includes('[Content_Types].xml')) return null;
    const workbook = names.some((n) => n.startsWith('xl/'));
    const document = names.some((n) => n.startsWith('word/'));
    if (workbook && !document) return 'xlsx';
    if (document && !workbook) return 'docx';
  }
  return null;
}

/** A name safe to store and to offer back in Content-Disposition (in quotes there). */
export function cleanFileName(name: string | undefined, type: FileType): string {
  // By code point, so that keeping the last 120 never splits a character in two.
  const kept = [...(name ?? '')].filter((c) => c > '\u001f' && c !== '\u007f' && c !== '/' && c !== '\\' && c !== '"').join('').trim();
  const base = [...kept].slice(-120).join('').trim() || 'file';
  const ext = type === 'jpeg' ? /\.(jpe?g)$/i : new RegExp(`\\.${type}$`, 'i');
  return ext.test(base) ? base : `${base}.${type === 'jpeg' ? 'jpg' : type}`;
}
