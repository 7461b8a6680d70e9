// The same Art. 46 letters as PDF (pdf-lib, standard Helvetica, A4), for printing and filing.
// Standard fonts only encode WinAnsi, so characters outside it are replaced rather than dropped silently.
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { letterText, type LetterAudience, type LetterInput, type LetterLanguage } from './letter.js';

const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function encodable(text: string): string {
  return [...text].map((c) => (c === '\n' || (c >= ' ' && c <= '~') || (c >= '\u00a0' && c <= '\u00ff') || winAnsiExtras.has(c) ? c : '?')).join('');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
      else {
        if (line) lines.push(line);
        line = word;
        // A single word wider than the line (a URL) is cut.
        while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

export async function renderLetterPdf(input: LetterInput, audience: LetterAudience, lang: LetterLanguage): Promise<Uint8Array> {
  const text = letterText(input, audience, lang);
  const pdf = await PDFDocument.create();
  pdf.setTitle(encodable(text.title));
  pdf.setLanguage(lang === 'id' ? 'id-ID' : 'en-US');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [pageWidth, pageHeight, margin] = [595.28, 841.89, 56];
  let page = pdf.addPage([pageWidth, pageHeight]);
  let y = pageHeight - margin;
  const write = (content: string, font: PDFFont, size: number, gapAfter: number) => {
    for (const line of wrap(encodable(content), font, size, pageWidth - 2 * margin)) {
      if (y < margin + size) {
        page = pdf.addPage([pageWidth, pageHeight]);
        y = pageHeight - margin;
      }
      page.drawText(line, { x: margin, y, size, font });
      y -= size * 1.4;
    }
    y -= gapAfter;
  };
  write(text.title, bold, 14, 10);
  write(text.opening, regular, 10.5, 8);
  for (const section of text.sections) {
    write(section.heading, bold, 11, 2);
    write(section.body, regular, 10.5, 8);
  }
  write(text.closing, regular, 10.5, 0);
  return pdf.save();
}
