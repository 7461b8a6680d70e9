// Letters generated from an Art. 46 notification: to the PSE (from the regulator's case) and to
// the data subjects. HTML with every value escaped; Bahasa Indonesia first, English available.
export type LetterAudience = 'pse' | 'subjects';
export type LetterLanguage = 'id' | 'en';

export interface LetterInput {
  incidentId: number;
  incidentTitle: string;
  organizationName: string;
  dataExposed: string;
  exposedAt: Date | null;
  exposureHow: string;
  handling: string;
  recovery: string;
  subjectsEstimate: number | null;
  contact: string;
  filedAt: Date;
  pseNotifiedAt: Date | null;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const months = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Dates in WIB (UTC+7), the regulator's time zone. */
export function formatDate(date: Date | null, lang: LetterLanguage): string {
  if (!date) return lang === 'id' ? 'belum diketahui' : 'not yet known';
  const wib = new Date(date.getTime() + 7 * 3600_000);
  const hh = String(wib.getUTCHours()).padStart(2, '0');
  const mm = String(wib.getUTCMinutes()).padStart(2, '0');
  return `${wib.getUTCDate()} ${months[lang][wib.getUTCMonth()]} ${wib.getUTCFullYear()}, ${hh}.${mm} WIB`;
}

const formatCount = (n: number | null, lang: LetterLanguage) =>
  n == null ? (lang === 'id' ? 'belum diketahui' : 'not yet known') : n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US');

interface Section {
  heading: string;
  body: string;
}

export interface LetterText {
  title: string;
  opening: string;
  sections: Section[];
  closing: string;
}

export function letterText(input: LetterInput, audience: LetterAudience, lang: LetterLanguage): LetterText {
  const d = (date: Date | null) => formatDate(date, lang);
  const a = lang === 'id'
    ? {
        exposed: 'a. Data pribadi yang terungkap',
        when: 'b. Kapan dan bagaimana data pribadi terungkap',
        handling: 'c. Upaya penanganan dan pemulihan',
        subjects: 'Perkiraan jumlah subjek data',
        contact: 'Narahubung',
      }
    : {
        exposed: 'a. Personal data exposed',
        when: 'b. When and how the personal data was exposed',
        handling: 'c. Handling and recovery efforts',
        subjects: 'Estimated number of data subjects',
        contact: 'Contact',
      };
  const sections: Section[] = [
    { heading: a.exposed, body: input.dataExposed },
    { heading: a.when, body: `${d(input.exposedAt)} — ${input.exposureHow}` },
    { heading: a.handling, body: `${input.handling}\n\n${input.recovery}` },
    { heading: a.subjects, body: formatCount(input.subjectsEstimate, lang) },
  ];
  if (input.contact) sections.push({ heading: a.contact, body: input.contact });
  if (audience === 'pse') {
    return lang === 'id'
      ? {
          title: `Pemberitahuan Kegagalan Pelindungan Data Pribadi — Insiden #${input.incidentId}`,
          opening: `Kepada ${input.organizationName}. Sehubungan dengan insiden "${input.incidentTitle}" yang diberitahukan kepada Saudara pada ${d(input.pseNotifiedAt)}, berikut catatan pemberitahuan tertulis sebagaimana dimaksud Pasal 46 ayat (2) Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi, yang wajib disampaikan paling lambat 3 x 24 jam.`,
          sections,
          closing: `Dicatat pada ${d(input.filedAt)}.`,
        }
      : {
          title: `Notification of a Personal Data Protection Failure — Incident #${input.incidentId}`,
          opening: `To ${input.organizationName}. Regarding the incident "${input.incidentTitle}" notified to you on ${d(input.pseNotifiedAt)}, this is the written notification record under Article 46(2) of Law No. 27 of 2022 on Personal Data Protection, due within 3 x 24 hours.`,
          sections,
          closing: `Recorded on ${d(input.filedAt)}.`,
        };
  }
  return lang === 'id'
    ? {
        title: `Pemberitahuan kepada Subjek Data Pribadi dari ${input.organizationName}`,
        opening: `Kami memberitahukan bahwa telah terjadi kegagalan pelindungan data pribadi yang mungkin melibatkan data Anda. Sesuai Pasal 46 Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi, berikut penjelasannya.`,
        sections,
        closing: `Waspadai pesan, telepon, atau tautan yang mengatasnamakan kami dan meminta kode OTP, kata sandi, atau data pribadi. ${input.organizationName}, ${d(input.filedAt)}.`,
      }
    : {
        title: `Notice to Data Subjects from ${input.organizationName}`,
        opening: `We are informing you of a failure of personal data protection that may involve your data. Under Article 46 of Law No. 27 of 2022 on Personal Data Protection, the details follow.`,
        sections,
        closing: `Beware of messages, calls or links in our name asking for OTP codes, passwords or personal data. ${input.organizationName}, ${d(input.filedAt)}.`,
      };
}

export function renderLetterHtml(input: LetterInput, audience: LetterAudience, lang: LetterLanguage): string {
  const text = letterText(input, audience, lang);
  const paragraphs = (body: string) =>
    body
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(text.title)}</title>
<style>body{font-family:Georgia,serif;max-width:42rem;margin:2rem auto;line-height:1.5;color:#111}h1{font-size:1.3rem}h2{font-size:1rem;margin-top:1.5rem}</style>
</head><body>
<h1>${escapeHtml(text.title)}</h1>
${paragraphs(text.opening)}
${text.sections.map((s) => `<h2>${escapeHtml(s.heading)}</h2>${paragraphs(s.body)}`).join('\n')}
${paragraphs(text.closing)}
</body></html>
`;
}
