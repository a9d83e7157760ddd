import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { safeEntryName, uniqueNamer, zipStream, type ZipEntry } from './zip.js';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Name, general purpose flags and CRC of each central directory record (what unzip tools list). */
function centralDirectory(zip: Buffer): { name: string; flags: number; crc: number; localFlags: number }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    out.push({
      flags: zip.readUInt16LE(at + 8),
      crc: zip.readUInt32LE(at + 16),
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      localFlags: zip.readUInt16LE(local + 6),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

/** A stream of `data` in small chunks, as a file or database read would give it. */
const chunked = (data: Buffer, size = 16 * 1024) =>
  Readable.from((function* () {
    for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
  })());

describe('zipStream', () => {
  it('zips Chinese and duplicate names, flagged UTF-8, with every byte intact', async () => {
    const first = randomBytes(300 * 1024);
    const second = Buffer.from('%PDF-1.7 第二份同名证照', 'utf8');
    const third = Buffer.from('本压缩包内为电子证照。\n', 'utf8');
    let pulled = 0;
    const opened: number[] = [];
    async function* entries(): AsyncGenerator<ZipEntry> {
      pulled++;
      yield { name: '营业执照-成都双胜.pdf', open: () => (opened.push(pulled), chunked(first)) };
      pulled++;
      yield { name: '营业执照-成都双胜.pdf', open: async () => (opened.push(pulled), Readable.from([second])) };
      pulled++;
      yield { name: '说明.txt', open: () => (opened.push(pulled), Readable.from([third])) };
    }
    const zip = await collect(zipStream(entries()));

    const names = ['营业执照-成都双胜.pdf', '营业执照-成都双胜 (2).pdf', '说明.txt'];
    const records = centralDirectory(zip);
    expect(records.map((r) => r.name)).toEqual(names);
    for (const r of records) {
      expect(r.flags & 0x0800).toBe(0x0800); // names are UTF-8 (the "language encoding" bit)
      expect(r.localFlags & 0x0800).toBe(0x0800);
    }
    expect(records.map((r) => r.crc)).toEqual([crc32(first), crc32(second), crc32(third)]);

    // Read back with an independent reader (JSZip, through exceljs).
    const read = await JSZip.loadAsync(zip);
    expect(Object.keys(read.files)).toEqual(names);
    expect(Buffer.compare(await read.file(names[0]!)!.async('nodebuffer'), first)).toBe(0);
    expect(Buffer.compare(await read.file(names[1]!)!.async('nodebuffer'), second)).toBe(0);
    expect(await read.file(names[2]!)!.async('string')).toBe(third.toString('utf8'));
    expect(opened).toHaveLength(3);
  });

  it('pulls the next entry only when the previous one starts, not all up front', async () => {
    let pulled = 0;
    const ahead: number[] = [];
    function* entries(): Generator<ZipEntry> {
      for (let i = 1; i <= 50; i++) {
        pulled++;
        yield { name: `${i}.txt`, open: () => (ahead.push(pulled - i), Readable.from([Buffer.from(String(i))])) };
      }
    }
    const zip = await collect(zipStream(entries()));
    expect(Object.keys((await JSZip.loadAsync(zip)).files)).toHaveLength(50);
    expect(ahead).toHaveLength(50);
    expect(Math.max(...ahead)).toBeLessThanOrEqual(1);
  });

  it('takes plain iterables and an empty list', async () => {
    const zip = await collect(zipStream([{ name: 'a.txt', open: () => Readable.from([Buffer.from('a')]) }]));
    expect(Object.keys((await JSZip.loadAsync(zip)).files)).toEqual(['a.txt']);
    const empty = await collect(zipStream([]));
    expect(Object.keys((await JSZip.loadAsync(empty)).files)).toEqual([]);
  });

  it('errors, not hangs, when an entry stream fails, and closes the source', async () => {
    let closed = false;
    function* entries(): Generator<ZipEntry> {
      try {
        yield { name: 'good.txt', open: () => Readable.from([Buffer.from('fine')]) };
        yield {
          name: 'bad.pdf',
          open: () =>
            new Readable({
              read() {
                this.push(randomBytes(1024));
                this.destroy(new Error('disk read failed'));
              },
            }),
        };
        yield { name: 'never.txt', open: () => Readable.from([Buffer.from('x')]) };
      } finally {
        closed = true;
      }
    }
    await expect(collect(zipStream(entries()))).rejects.toThrow(/bad\.pdf: disk read failed/);
    expect(closed).toBe(true);
  });

  it('errors when an entry cannot be opened or the source throws', async () => {
    await expect(
      collect(zipStream([{ name: 'x.pdf', open: () => Promise.reject(new Error('file missing from the store')) }])),
    ).rejects.toThrow(/file missing/);
    async function* broken(): AsyncGenerator<ZipEntry> {
      yield { name: 'a.txt', open: () => Readable.from([Buffer.from('a')]) };
      throw new Error('database went away');
    }
    await expect(collect(zipStream(broken()))).rejects.toThrow(/database went away/);
  });
});

describe('entry names', () => {
  it('numbers repeats before the extension, case-insensitively as Windows does', () => {
    const unique = uniqueNamer();
    expect(['a.pdf', 'a.pdf', 'A.PDF', 'a (2).pdf', 'dir.v2/readme', 'dir.v2/readme', '.env', '.env'].map(unique)).toEqual([
      'a.pdf',
      'a (2).pdf',
      'A (3).PDF',
      'a (2) (2).pdf',
      'dir.v2/readme',
      'dir.v2/readme (2)',
      '.env',
      '.env (2)',
    ]);
  });

  it('keeps names relative and free of characters Windows refuses', () => {
    expect(safeEntryName('../../etc/passwd')).toBe('etc/passwd');
    expect(safeEntryName('/abs\\win\\path.pdf')).toBe('abs/win/path.pdf');
    expect(safeEntryName('C:证照?.pdf')).toBe('C_证照_.pdf');
    expect(safeEntryName('成都 A/B 公司.pdf')).toBe('成都 A/B 公司.pdf');
    expect(safeEntryName('')).toBe('file');
  });
});
