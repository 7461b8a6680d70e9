// A synthetic hospital patient sample for the demo: NIKs with valid structure (real district codes,
// random birth dates and serials), invented names, invented diagnoses — never real people.
// Includes invalid and repeated rows, so sample verification has something to find.

const districts = ['317401', '327301', '357801', '127101', '737101', '517101', '647201', '110101'];
const given = ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Joko', 'Wulan', 'Eko', 'Lestari', 'Hendra', 'Ayu', 'Bayu'];
const family = ['Contoh', 'Fiktif', 'Rekaan', 'Sampel', 'Percobaan', 'Ilustrasi'];
const diagnoses = ['Demam berdarah', 'Tifus', 'Diabetes tipe 2', 'Hipertensi', 'ISPA', 'Gastritis'];

/** Small deterministic generator, so the demo is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticPatientCsv(rows: number, seed = 46): string {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const lines = ['nik,nama,jenis_kelamin,tanggal_lahir,diagnosis,telepon'];
  const issued: string[] = [];
  for (let i = 0; i < rows; i++) {
    if (i > 10 && next() < 0.05) {
      lines.push(lines[1 + Math.floor(next() * (lines.length - 1))]!); // a repeated record
      continue;
    }
    const female = next() < 0.5;
    const day = 1 + Math.floor(next() * 28);
    const month = 1 + Math.floor(next() * 12);
    const year = 1950 + Math.floor(next() * 60);
    const dd = String(day + (female ? 40 : 0)).padStart(2, '0');
    const serial = String(1 + Math.floor(next() * 9000)).padStart(4, '0');
    let nik = `${pick(districts)}${dd}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${serial}`;
    if (next() < 0.08) nik = `99${nik.slice(2)}`; // an invalid province: what a padded "sample" often holds
    issued.push(nik);
    const phone = `+628${1 + Math.floor(next() * 3)}${String(Math.floor(next() * 1e9)).padStart(9, '0')}`;
    const birth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    lines.push([nik, `${pick(given)} ${pick(family)}`, female ? 'P' : 'L', birth, pick(diagnoses), phone].join(','));
  }
  return lines.join('\n') + '\n';
}
