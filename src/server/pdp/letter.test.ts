// Letters carry the three Art. 46(2) items, in Indonesian or English, with hostile text inert.
import { describe, expect, it } from 'vitest';
import { renderLetterHtml, type LetterInput } from './letter.js';

const input: LetterInput = {
  incidentId: 7,
  incidentTitle: 'Data pasien <script>alert(1)</script>',
  organizationName: 'RS Contoh Sehat',
  dataExposed: 'Nama, NIK, diagnosis',
  exposedAt: new Date('2026-03-01T17:30:00Z'),
  exposureHow: 'Basis data cadangan terbuka di internet',
  handling: 'Akses ditutup',
  recovery: 'Kata sandi diganti',
  subjectsEstimate: 1234567,
  contact: 'dpo@rs-contoh.example',
  filedAt: new Date('2026-03-03T02:00:00Z'),
  pseNotifiedAt: new Date('2026-03-02T02:00:00Z'),
};

describe('renderLetterHtml', () => {
  it('writes the Art. 46(2) items in Indonesian with WIB dates and Indonesian numbers', () => {
    const html = renderLetterHtml(input, 'pse', 'id');
    expect(html).toContain('a. Data pribadi yang terungkap');
    expect(html).toContain('b. Kapan dan bagaimana');
    expect(html).toContain('c. Upaya penanganan dan pemulihan');
    expect(html).toContain('2 Maret 2026, 00.30 WIB');
    expect(html).toContain('1.234.567');
    expect(html).toContain('Pasal 46');
  });
  it('has an English version and a letter to data subjects', () => {
    expect(renderLetterHtml(input, 'pse', 'en')).toContain('Article 46(2)');
    expect(renderLetterHtml(input, 'subjects', 'id')).toContain('Subjek Data Pribadi');
  });
  it('escapes every value', () => {
    const html = renderLetterHtml(input, 'pse', 'id');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('renderLetterPdf', () => {
  it('produces a PDF with the letter title, even with text the standard font cannot encode', async () => {
    const { renderLetterPdf } = await import('./letter-pdf.js');
    const { PDFDocument } = await import('pdf-lib');
    const bytes = await renderLetterPdf({ ...input, dataExposed: 'Nama, NIK 😀 数据 ' + 'panjang '.repeat(400) }, 'subjects', 'id');
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toContain('Subjek Data Pribadi');
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
  });
});
