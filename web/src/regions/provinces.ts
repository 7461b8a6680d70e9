// Kemendagri province codes (the first two NIK digits) and the map shape that draws each one.
// The boundary drawing (@svg-maps/indonesia, CC BY 4.0) predates the 2022 Papua split, so the four
// new provinces are drawn inside the province they were carved from; the table beside the map
// still lists them on their own.
export type Province = { code: string; name: string; shape: string };

export const provinces: readonly Province[] = [
  { code: '11', name: 'Aceh', shape: 'id-ac' },
  { code: '12', name: 'Sumatera Utara', shape: 'id-su' },
  { code: '13', name: 'Sumatera Barat', shape: 'id-sb' },
  { code: '14', name: 'Riau', shape: 'id-ri' },
  { code: '15', name: 'Jambi', shape: 'id-ja' },
  { code: '16', name: 'Sumatera Selatan', shape: 'id-ss' },
  { code: '17', name: 'Bengkulu', shape: 'id-be' },
  { code: '18', name: 'Lampung', shape: 'id-la' },
  { code: '19', name: 'Kepulauan Bangka Belitung', shape: 'id-bb' },
  { code: '21', name: 'Kepulauan Riau', shape: 'id-kr' },
  { code: '31', name: 'DKI Jakarta', shape: 'id-jk' },
  { code: '32', name: 'Jawa Barat', shape: 'id-jb' },
  { code: '33', name: 'Jawa Tengah', shape: 'id-jt' },
  { code: '34', name: 'DI Yogyakarta', shape: 'id-yo' },
  { code: '35', name: 'Jawa Timur', shape: 'id-ji' },
  { code: '36', name: 'Banten', shape: 'id-bt' },
  { code: '51', name: 'Bali', shape: 'id-ba' },
  { code: '52', name: 'Nusa Tenggara Barat', shape: 'id-nb' },
  { code: '53', name: 'Nusa Tenggara Timur', shape: 'id-nt' },
  { code: '61', name: 'Kalimantan Barat', shape: 'id-kb' },
  { code: '62', name: 'Kalimantan Tengah', shape: 'id-kt' },
  { code: '63', name: 'Kalimantan Selatan', shape: 'id-ks' },
  { code: '64', name: 'Kalimantan Timur', shape: 'id-ki' },
  { code: '65', name: 'Kalimantan Utara', shape: 'id-ku' },
  { code: '71', name: 'Sulawesi Utara', shape: 'id-sa' },
  { code: '72', name: 'Sulawesi Tengah', shape: 'id-st' },
  { code: '73', name: 'Sulawesi Selatan', shape: 'id-sn' },
  { code: '74', name: 'Sulawesi Tenggara', shape: 'id-sg' },
  { code: '75', name: 'Gorontalo', shape: 'id-go' },
  { code: '76', name: 'Sulawesi Barat', shape: 'id-sr' },
  { code: '81', name: 'Maluku', shape: 'id-ma' },
  { code: '82', name: 'Maluku Utara', shape: 'id-mu' },
  { code: '91', name: 'Papua', shape: 'id-pa' },
  { code: '92', name: 'Papua Barat', shape: 'id-pb' },
  { code: '93', name: 'Papua Selatan', shape: 'id-pa' },
  { code: '94', name: 'Papua Tengah', shape: 'id-pa' },
  { code: '95', name: 'Papua Pegunungan', shape: 'id-pa' },
  { code: '96', name: 'Papua Barat Daya', shape: 'id-pb' },
];

const byCode = new Map(provinces.map((p) => [p.code, p]));

/** Accepts a 2-digit code or anything starting with one (a NIK prefix, "3201"). */
export function provinceOf(code: string): Province | undefined {
  return byCode.get(code.slice(0, 2));
}

/** Sums counts per map shape; codes the map cannot place are returned apart, never dropped silently. */
export function countsByShape(counts: Record<string, number>): { shapes: Map<string, number>; unplaced: number } {
  const shapes = new Map<string, number>();
  let unplaced = 0;
  for (const [code, count] of Object.entries(counts)) {
    const province = provinceOf(code);
    if (!province) unplaced += count;
    else shapes.set(province.shape, (shapes.get(province.shape) ?? 0) + count);
  }
  return { shapes, unplaced };
}
