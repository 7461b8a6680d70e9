// XML and HTML: text nodes named by their element, attributes by element@attribute, HTML cells by <th>.
import { describe, expect, it } from 'vitest';
import { unescapeXml } from '../escapes.js';
import { detectFormat } from '../index.js';
import { readRange, utf8 } from '../testing.js';
import { xmlReader } from './xml.js';

const read = (text: string, cuts: number[] = [], rangeStart = 0) => readRange(xmlReader, {}, utf8(text), rangeStart, undefined, cuts);
const fieldsOf = (text: string, cuts: number[] = [], rangeStart = 0) => read(text, cuts, rangeStart).fields.map((f) => [f.column, f.value]);

const SOAP = `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
<!-- respon layanan kependudukan -->
<penduduk status="aktif"><NIK>3171014507900003</NIK><NAMA_LGKP>SITI &amp; AMINAH</NAMA_LGKP>
  <ALAMAT><![CDATA[JL. MANGGA <5>]]></ALAMAT></penduduk>
<penduduk><NIK>3273011203850002</NIK><NO_HP>081234567891</NO_HP></penduduk>
<anggota nik="3273015003100001" nama='RINA'/>
</soap:Body></soap:Envelope>
`;

describe('xml reader', () => {
  it('names each text node by its element and each attribute by element@attribute, one record per element of fields', () => {
    const result = read(SOAP);
    expect(result.fields.map((f) => [f.column, f.value])).toEqual([
      ['penduduk@status', 'aktif'], ['NIK', '3171014507900003'], ['NAMA_LGKP', 'SITI &amp; AMINAH'], ['ALAMAT', 'JL. MANGGA <5>'],
      ['NIK', '3273011203850002'], ['NO_HP', '081234567891'],
      ['anggota@nik', '3273015003100001'], ['anggota@nama', 'RINA'],
    ]);
    expect(result.records).toBe(3);
    expect(unescapeXml('SITI &amp; AMINAH &#39;A&#x27; &copy; &lt;')).toBe("SITI & AMINAH 'A' &copy; <");
  });

  it('reads the same fields however the bytes are chunked', () => {
    const whole = fieldsOf(SOAP);
    for (let cut = 1; cut < SOAP.length; cut += 5) expect(fieldsOf(SOAP, [cut, cut + 2])).toEqual(whole);
  });

  it('names a range\'s first text by the end tag that closes it when the range starts mid-document', () => {
    const start = SOAP.indexOf('3273011203850002');
    expect(fieldsOf(SOAP, [], start).slice(0, 2)).toEqual([['NIK', '3273011203850002'], ['NO_HP', '081234567891']]);
  });

  it('names HTML table cells by their <th> headers, and reads script text and a stray "<" as text of the element around them', () => {
    const html = `<!DOCTYPE html><html><body><table>
<tr><th>NIK</th><th>Nama</th></tr>
<tr><td>3171014507900003<td>Siti Aminah</td></tr>
</table><p>nilai a < b<br>hubungi 081234567890</p>
<script>var data = {"nik":"3273011203850002"}; if (a<b) x();</script></body></html>`;
    const result = read(html);
    expect(result.fields.map((f) => [f.column, f.value])).toEqual([
      ['th', 'NIK'], ['th', 'Nama'], ['NIK', '3171014507900003'], ['Nama', 'Siti Aminah'],
      ['p', 'nilai a'], ['p', '< b'], ['p', 'hubungi 081234567890'],
      ['body', 'var data = {"nik":"3273011203850002"}; if (a<b) x();'],
    ]);
  });

  it('names cells by a first row of names when the table has no <th>, as an Excel export saved as HTML has', () => {
    const xls = `<table><tr><td>NIK</td><td>Nama</td></tr>
<tr><td>3171014507900003</td><td>Siti Aminah</td></tr><tr><td>3273011203850002<td>Budi</table>
<table><tr><td>1</td><td>Rina</td></tr><tr><td>2</td><td>Andi</td></tr></table>`;
    expect(fieldsOf(xls)).toEqual([
      ['td', 'NIK'], ['td', 'Nama'], ['NIK', '3171014507900003'], ['Nama', 'Siti Aminah'], ['NIK', '3273011203850002'], ['Nama', 'Budi'],
      ['td', '1'], ['td', 'Rina'], ['td', '2'], ['td', 'Andi'],
    ]);
  });

  it('names the cells of an Excel XML spreadsheet (SpreadsheetML) by its first row', () => {
    const sheet = `<?xml version="1.0"?><Workbook><Worksheet ss:Name="Data"><Table>
<Row><Cell><Data ss:Type="String">NIK</Data></Cell><Cell><Data ss:Type="String">No HP</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">3171014507900003</Data></Cell><Cell><Data ss:Type="String">081234567890</Data></Cell></Row>
</Table></Worksheet></Workbook>`;
    expect(fieldsOf(sheet).filter(([column]) => !column!.includes('@'))).toEqual([
      ['Cell', 'NIK'], ['Cell', 'No HP'], ['NIK', '3171014507900003'], ['No HP', '081234567890'],
    ]);
  });

  it('keeps a giant tag name to its first 128 bytes as a column name', () => {
    const long = 'a'.repeat(100_000);
    const fields = read(`<${long}>3171014507900003</${long}>`).fields;
    expect(fields.map((f) => [f.column!.length, f.value])).toEqual([[128, '3171014507900003']]);
  });

  it('is picked for XML and HTML, and not for text that merely holds a tag', () => {
    expect(detectFormat(utf8(SOAP), 'respon.txt').format).toBe('xml');
    expect(detectFormat(utf8('<html><body>x</body></html>'), 'page').format).toBe('xml');
    expect(detectFormat(utf8('<13>Jan  1 00:00:00 host app: NIK 3171014507900003\n'), 'syslog').format).toBe('text');
    expect(detectFormat(utf8('harga <b>murah</b>\n'), 'post.txt').format).toBe('text');
  });
});
