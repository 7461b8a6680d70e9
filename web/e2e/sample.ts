// A synthetic leaked "sample" for the browser tests: people who do not exist, with NIKs built from
// real district codes and birth dates, so the expected report figures are known by construction.
export type Person = { nik: string; name: string; phone: string; female: boolean; birth: Date; province: string };

const people: { district: string; day: number; month: number; year: number; female: boolean; name: string }[] = [
  { district: '320101', day: 12, month: 3, year: 1985, female: false, name: 'Budi Contoh' },
  { district: '320101', day: 5, month: 7, year: 1990, female: true, name: 'Siti Sampel' },
  { district: '357801', day: 23, month: 11, year: 1978, female: true, name: 'Dewi Fiktif' },
  { district: '357801', day: 1, month: 1, year: 2012, female: false, name: 'Adi Rekaan' },
  { district: '737101', day: 17, month: 8, year: 2010, female: true, name: 'Rina Karangan' },
  { district: '110101', day: 30, month: 6, year: 1965, female: false, name: 'Teuku Uji' },
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const samplePeople: Person[] = people.map((p, index) => ({
  nik: `${p.district}${pad(p.day + (p.female ? 40 : 0))}${pad(p.month)}${pad(p.year % 100)}${pad(index + 1, 4)}`,
  name: p.name,
  phone: `+62812${pad(1000000 + index * 7919, 7)}`,
  female: p.female,
  birth: new Date(Date.UTC(p.year, p.month - 1, p.day)),
  province: p.district.slice(0, 2),
}));

/** A NIK-shaped value whose birth date cannot exist (day 32, month 99): invalid under the nik column. */
export const invalidNik = '3201013299850007';

/** Each person once, the first two again, and one invalid NIK: 9 rows, 8 valid NIKs, 6 distinct people. */
export function sampleCsv(): string {
  const rows = [...samplePeople, samplePeople[0]!, samplePeople[1]!].map((p) => `${p.nik},${p.name},${p.phone}`);
  rows.push(`${invalidNik},Nama Rusak,+628129999999`);
  return ['nik,nama,no_hp', ...rows].join('\n') + '\n';
}

export const expected = {
  rows: 9,
  validNik: 8,
  invalidNik: 1,
  distinct: samplePeople.length,
  female: samplePeople.filter((p) => p.female).length,
  male: samplePeople.filter((p) => !p.female).length,
  // Born 2010 and 2012: minors on any date before 2028.
  minors: samplePeople.filter((p) => p.birth.getUTCFullYear() >= 2010).length,
  byProvince: samplePeople.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.province]: (acc[p.province] ?? 0) + 1 }), {}),
};
