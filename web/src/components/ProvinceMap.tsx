// Choropleth of Indonesia by province, from counts keyed by Kemendagri province code (NIK prefix).
// Shapes come from @svg-maps/indonesia (CC BY 4.0, see web/README.md); no tiles, nothing remote.
// Each shape is focusable and named, and a table lists the same numbers for screen readers.
import { Box, Group, Table, Text } from '@mantine/core';
import indonesia from '@svg-maps/indonesia';
import { useMemo, useState } from 'react';
import { countsByShape, provinceOf, provinces } from '../regions/provinces.js';
import { formatNumber } from '../i18n/format.js';
import { useI18n } from '../i18n/context.js';

/** Five sequential classes (ColorBrewer YlOrRd) plus grey for "none". */
const palette = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
const none = '#dee2e6';

/**
 * Colour class of a count between the smallest and largest non-zero counts on the map, on a log
 * scale: leak counts span orders of magnitude, yet close counts (112 vs 121) must still differ.
 */
export function classOf(count: number, min: number, max: number): number {
  if (count <= 0 || max <= 0) return -1;
  if (max <= min) return palette.length - 1;
  const share = (Math.log(count) - Math.log(min)) / (Math.log(max) - Math.log(min));
  return Math.max(0, Math.min(palette.length - 1, Math.floor(share * palette.length)));
}

export function ProvinceMap({ counts, title }: { counts: Record<string, number>; title: string }) {
  const { t } = useI18n();
  const [focused, setFocused] = useState<string | null>(null);
  const { shapes, unplaced } = useMemo(() => countsByShape(counts), [counts]);
  const nonZero = [...shapes.values()].filter((c) => c > 0);
  const max = Math.max(0, ...nonZero);
  const min = nonZero.length ? Math.min(...nonZero) : 0;
  const rows = provinces
    .map((p) => ({ ...p, count: counts[p.code] ?? 0 }))
    .filter((p) => p.count > 0)
    .sort((a, b) => b.count - a.count);
  const shapeNames = (shape: string) =>
    provinces
      .filter((p) => p.shape === shape)
      .map((p) => p.name)
      .join(' + ');
  const focusedLabel = focused ? `${shapeNames(focused)}: ${formatNumber(shapes.get(focused) ?? 0)}` : t('map.hint');

  return (
    <Box>
      <svg viewBox={indonesia.viewBox} role="group" aria-label={title} className="province-map" style={{ width: '100%', height: 'auto', display: 'block' }}>
        {indonesia.locations.map((location) => {
          const count = shapes.get(location.id) ?? 0;
          const bucket = classOf(count, min, max);
          const label = `${shapeNames(location.id)}: ${formatNumber(count)}`;
          return (
            <path
              key={location.id}
              d={location.path}
              fill={bucket < 0 ? none : palette[bucket]}
              tabIndex={0}
              role="img"
              aria-label={label}
              data-shape={location.id}
              data-count={count}
              onFocus={() => setFocused(location.id)}
              onMouseEnter={() => setFocused(location.id)}
              onBlur={() => setFocused(null)}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      <Text size="sm" aria-live="polite" mt={4}>
        {focusedLabel}
      </Text>
      <Group gap={4} mt="xs" aria-hidden="true">
        <Text size="xs">
          {t('map.fewer')} {nonZero.length ? `(${formatNumber(min)})` : ''}
        </Text>
        {[none, ...palette].map((color) => (
          <span key={color} style={{ display: 'inline-block', width: 18, height: 10, background: color, border: '1px solid #adb5bd' }} />
        ))}
        <Text size="xs">
          {t('map.more')} {nonZero.length ? `(${formatNumber(max)})` : ''}
        </Text>
      </Group>
      {unplaced > 0 && (
        <Text size="xs" c="dimmed">
          {t('map.unplaced', { count: formatNumber(unplaced) })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('map.attribution')}
      </Text>
      {rows.length > 0 && (
          <Table striped withTableBorder fz="sm" mt="xs" aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('map.province')}</Table.Th>
                <Table.Th ta="right">{t('map.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.code} data-province={row.code}>
                  <Table.Td>
                    {row.code} {provinceOf(row.code)?.name}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(row.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
      )}
    </Box>
  );
}
