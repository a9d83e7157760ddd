// Zip archives streamed to the client as their entries are read (yazl): one entry's stream is
// open at a time, and the next entry is pulled from the source only when the previous one starts,
// so a thousand licences zip in constant memory. yazl marks every name as UTF-8 (general purpose
// bit 11), which Windows Explorer and macOS honour for Chinese names.
import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';

export type ZipEntry = { name: string; open: () => Readable | Promise<Readable> };

// Characters Windows refuses in file names, and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"|?*\u0000-\u001f\u007f]/g;

/** A relative path that every unzip tool accepts: no drive, no leading slash, no "." or "..". */
export function safeEntryName(name: string): string {
  const parts = name
    .split(/[\\/]+/)
    .map((p) => p.replace(FORBIDDEN, '_').trim())
    .filter((p) => p !== '' && p !== '.' && p !== '..');
  return parts.length ? parts.join('/') : 'file';
}

/** Unique names, case-insensitively as Windows compares them: a.pdf, a (2).pdf, a (3).pdf. */
export function uniqueNamer(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const slash = name.lastIndexOf('/') + 1;
    const dot = name.lastIndexOf('.');
    const cut = dot > slash ? dot : name.length;
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name.slice(0, cut)} (${n})${name.slice(cut)}`;
    used.add(candidate.toLowerCase());
    return candidate;
  };
}

/** A zip archive streamed as entries are read (nothing held whole in memory); names are unique-ified ("a.pdf", "a (2).pdf"). */
export function zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): Readable {
  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  const unique = uniqueNamer();
  let current: Readable | undefined;
  let failed = false;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));

  const fail = (err: unknown) => {
    if (failed) return;
    failed = true;
    stop();
    current?.destroy();
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  };
  zip.on('error', fail);
  // The client went away (or a consumer destroyed us): stop reading the entries.
  out.on('close', () => {
    if (!out.writableFinished) fail(new Error('zip stream closed early'));
  });
  zip.outputStream.on('error', fail);
  zip.outputStream.pipe(out);

  void (async () => {
    try {
      for await (const entry of entries as AsyncIterable<ZipEntry>) {
        // Resolved when yazl starts this entry's data, which is when the next one may be queued.
        const started = new Promise<void>((resolve) => {
          zip.addReadStreamLazy(unique(safeEntryName(entry.name)), (cb) => {
            resolve();
            Promise.resolve()
              .then(entry.open)
              .then((stream) => {
                if (failed) return void stream.destroy();
                current = stream;
                stream.on('error', (err) => fail(new Error(`zip entry ${entry.name}: ${err.message}`, { cause: err })));
                cb(null, stream);
              }, fail);
          });
        });
        // On failure, leaving the loop closes the source (a database cursor, say).
        await Promise.race([started, stopped]);
        if (failed) return;
      }
      if (!failed) zip.end();
    } catch (err) {
      fail(err);
    }
  })();
  return out;
}
