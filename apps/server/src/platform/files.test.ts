import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanFileName, diskFileStore, sniffFileType } from './files.js';
import { docxBytes, jpegBytes, pdfBytes, pngBytes, xlsxBytes, zipOf } from '../test/files.js';

describe('the type of a file, from its content', () => {
  it('knows real PDF, JPEG, PNG, workbook and Word files', async () => {
    expect(sniffFileType(pdfBytes())).toBe('pdf');
    expect(sniffFileType(jpegBytes())).toBe('jpeg');
    expect(sniffFileType(pngBytes())).toBe('png');
    expect(sniffFileType(await xlsxBytes())).toBe('xlsx');
    expect(sniffFileType(docxBytes())).toBe('docx');
  });

  it('is not fooled by lookalikes', () => {
    const text = (s: string) => Buffer.from(s, 'latin1');
    expect(sniffFileType(Buffer.alloc(0))).toBeNull();
    expect(sniffFileType(text('%PDF'))).toBeNull(); // the signature is "%PDF-"
    expect(sniffFileType(text('%pdf-1.4'))).toBeNull();
    expect(sniffFileType(text(' %PDF-1.4'))).toBeNull();
    expect(sniffFileType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffFileType(pngBytes().subarray(0, 7))).toBeNull();
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00]))).toBeNull();
    expect(sniffFileType(text('GIF89a'))).toBeNull();
    expect(sniffFileType(text('MZ\x90\x00'))).toBeNull(); // a Windows program
    expect(sniffFileType(text('<html><body>%PDF-</body></html>'))).toBeNull();
    // A zip that is no Office document, and an old binary .doc/.xls.
    expect(sniffFileType(zipOf({ 'readme.txt': 'hello', 'data/x.csv': '1,2' }))).toBeNull();
    expect(sniffFileType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeNull();
  });

  it('reads the names of a zip’s entries, not the words inside them', () => {
    // A zip whose only entry is a text that merely mentions the parts of a workbook.
    const talk = zipOf({ 'notes.txt': 'An xlsx holds [Content_Types].xml, _rels/.rels and xl/workbook.xml; a docx holds word/document.xml.' });
    expect(sniffFileType(talk)).toBeNull();
    // Text that starts like a zip and names the parts, with no zip behind it.
    expect(sniffFileType(Buffer.from('PK\x03\x04 [Content_Types].xml _rels/.rels word/document.xml', 'latin1'))).toBeNull();
    // A Word document that talks about a workbook's folder (or embeds one uncompressed) is still
    // a Word document.
    expect(sniffFileType(docxBytes('表格放在 xl/ 目录下，见 xl/workbook.xml'))).toBe('docx');
  });
});

describe('the name a file is stored and offered under', () => {
  it('keeps a plain name with its extension', () => {
    expect(cleanFileName('营业执照.pdf', 'pdf')).toBe('营业执照.pdf');
    expect(cleanFileName('Scan.PDF', 'pdf')).toBe('Scan.PDF');
    expect(cleanFileName('photo.jpg', 'jpeg')).toBe('photo.jpg');
    expect(cleanFileName('photo.JPEG', 'jpeg')).toBe('photo.JPEG');
    expect(cleanFileName('申请书 (2020).docx', 'docx')).toBe('申请书 (2020).docx');
  });

  it('adds the extension of the type the content has', () => {
    expect(cleanFileName('营业执照', 'pdf')).toBe('营业执照.pdf');
    expect(cleanFileName('photo.png', 'jpeg')).toBe('photo.png.jpg');
    expect(cleanFileName('roster.xls', 'xlsx')).toBe('roster.xls.xlsx');
    expect(cleanFileName(undefined, 'png')).toBe('file.png');
    expect(cleanFileName('   ', 'docx')).toBe('file.docx');
  });

  it('strips path separators, control characters and double quotes', () => {
    expect(cleanFileName('../../etc/passwd', 'pdf')).toBe('....etcpasswd.pdf');
    expect(cleanFileName('C:\\Users\\王\\申请书.pdf', 'pdf')).toBe('C:Users王申请书.pdf');
    expect(cleanFileName('a\u0000b\r\nc\td\u001b\u007f.pdf', 'pdf')).toBe('abcd.pdf');
    expect(cleanFileName('say "hi".pdf', 'pdf')).toBe('say hi.pdf');
    expect(cleanFileName('/\u0000/', 'pdf')).toBe('file.pdf');
  });

  it('keeps at most 120 characters, from the end, and never half a character', () => {
    const long = `${'很'.repeat(200)}.pdf`;
    expect(cleanFileName(long, 'pdf')).toBe(`${'很'.repeat(116)}.pdf`);
    // An emoji is two UTF-16 units: the cut must not leave one of them behind.
    const cut = cleanFileName(`x😀${'a'.repeat(115)}.pdf`, 'pdf');
    expect(cut).toBe(`😀${'a'.repeat(115)}.pdf`);
    expect(() => encodeURIComponent(cut)).not.toThrow();
    expect([...cleanFileName(`${'😀'.repeat(130)}.png`, 'png')]).toHaveLength(120);
  });
});

describe('the disk store', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ss-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stores content once under its SHA-256 and reads it back', async () => {
    const store = diskFileStore(root);
    const bytes = pdfBytes('once');
    const sha = await store.put(bytes);
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.put(Buffer.from(bytes))).toBe(sha);
    expect(readdirSync(path.join(root, sha.slice(0, 2)))).toEqual([sha]);
    expect(readFileSync(path.join(root, sha.slice(0, 2), sha))).toEqual(bytes);
    expect(store.has(sha)).toBe(true);
    expect(store.has('0'.repeat(64))).toBe(false);
    const chunks: Buffer[] = [];
    for await (const c of store.open(sha)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(bytes);
  });
});
