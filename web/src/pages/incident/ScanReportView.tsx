// The scan report of one analysis, for people who are not engineers: which data types were found
// and their UU PDP class, how many distinct people, their gender, minors and age bands, where they
// live (map), and how much of the sample is valid, invalid or repeated.
import { Alert as Callout, Badge, Card, Grid, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useGet } from '../../api/hooks.js';
import type { Analysis } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import { formatBytes, formatNumber, formatPercent } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/messages.js';
import { ErrorNote, Loading } from '../../components/common.js';
import { ProvinceMap } from '../../components/ProvinceMap.js';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

export function ScanReportView({ analysisId, fileName }: { analysisId: number; fileName: string }) {
  const { t, date } = useI18n();
  const analysis = useGet<Analysis>(`/analyses/${analysisId}`);
  if (analysis.error) return <ErrorNote error={analysis.error} />;
  const report = analysis.data?.report;
  const verification = analysis.data?.verification;
  if (!report) return <Loading />;
  const { totals } = report;
  const subjects = totals.subjects;
  const types = Object.entries(totals.byType).sort((a, b) => b[1].count - a[1].count);
  // Bands arrive as "0-17" … "65+": order them by their first age, youngest first.
  const ageBands = Object.entries(subjects.byAgeBand)
    .map(([band, count]) => ({ band, count }))
    .sort((a, b) => parseInt(a.band, 10) - parseInt(b.band, 10));
  const typeName = (type: string) => t(`piiType.${type}` as MessageKey);

  return (
    <Card withBorder data-testid="scan-report">
      <Stack>
        <Title order={2} size="h3">
          {t('report.title', { name: fileName })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('report.meta', { records: formatNumber(totals.records), size: formatBytes(totals.bytes), asOf: report.asOf })} · {date(analysis.data?.finishedAt)}
        </Text>
        {totals.pdp.specific && (
          <Callout color="red.9" variant="filled" data-testid="report-specific">
            {t('report.specificWarning', { types: totals.pdp.specificTypes.map((x) => (x === 'CHILDREN' ? t('report.children') : typeName(x))).join(', ') })}
          </Callout>
        )}
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
          <Figure label={t('report.distinctPeople')} value={formatNumber(subjects.distinct)} testId="report-distinct" />
          <Figure label={t('report.female')} value={formatNumber(subjects.female)} testId="report-female" />
          <Figure label={t('report.male')} value={formatNumber(subjects.male)} testId="report-male" />
          <Figure label={t('report.minors')} value={formatNumber(subjects.minors)} testId="report-minors" />
          <Figure label={t('report.findings')} value={formatNumber(totals.findings)} testId="report-findings" />
        </SimpleGrid>
        {subjects.approximate && <Text size="xs">{t('report.approximate')}</Text>}
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Title order={3} size="h5" mb="xs">
              {t('report.types')}
            </Title>
            <Table.ScrollContainer minWidth={360}>
              <Table fz="sm" striped data-testid="report-types">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('report.type')}</Table.Th>
                    <Table.Th>{t('report.pdpClass')}</Table.Th>
                    <Table.Th ta="right">{t('report.count')}</Table.Th>
                    <Table.Th ta="right">{t('report.distinct')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {types.map(([type, row]) => (
                    <Table.Tr key={type} data-type={type}>
                      <Table.Td>{typeName(type)}</Table.Td>
                      <Table.Td>
                        <Badge color={row.category === 'specific' ? 'red' : 'gray'} variant="light">
                          {t(`pdp.${row.category}` as MessageKey)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right" data-testid={`count-${type}`}>
                        {formatNumber(row.count)}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(row.distinct)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Title order={3} size="h5" my="xs">
              {t('report.ageBands')}
            </Title>
            <div style={{ width: '100%', height: 200 }} aria-hidden="true">
              <ResponsiveContainer>
                <BarChart data={ageBands}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="band" fontSize={11} />
                  <YAxis allowDecimals={false} fontSize={11} />
                  <Tooltip />
                  <Bar dataKey="count" name={t('report.people')} fill="#364fc7" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <Table fz="xs" aria-label={t('report.ageBands')}>
              <Table.Tbody>
                {ageBands.map((row) => (
                  <Table.Tr key={row.band}>
                    <Table.Td>{row.band}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Title order={3} size="h5" mb="xs">
              {t('report.provinces')}
            </Title>
            <ProvinceMap counts={subjects.byProvince} title={t('report.provinces')} />
          </Grid.Col>
        </Grid>
        {verification && (
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('report.verification')}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('report.verificationHelp')}
            </Text>
            <Table.ScrollContainer minWidth={480}>
              <Table fz="sm" data-testid="report-verification">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('report.type')}</Table.Th>
                    <Table.Th ta="right">{t('report.valid')}</Table.Th>
                    <Table.Th ta="right">{t('report.invalid')}</Table.Th>
                    <Table.Th ta="right">{t('report.duplicates')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr fw={700} data-type="overall">
                    <Table.Td>{t('report.overall')}</Table.Td>
                    <Table.Td ta="right">
                      {formatNumber(verification.overall.valid)} ({formatPercent(verification.overall.validShare)})
                    </Table.Td>
                    <Table.Td ta="right">
                      {formatNumber(verification.overall.invalid)} ({formatPercent(verification.overall.invalidShare)})
                    </Table.Td>
                    <Table.Td ta="right">{formatPercent(verification.overall.duplicateShare)}</Table.Td>
                  </Table.Tr>
                  {Object.entries(verification.byType).map(([type, row]) => (
                    <Table.Tr key={type} data-type={type}>
                      <Table.Td>{typeName(type)}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(row.valid)} ({formatPercent(row.validShare)})
                      </Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(row.invalid)} ({formatPercent(row.invalidShare)})
                      </Table.Td>
                      <Table.Td ta="right">{formatPercent(row.duplicateShare)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        )}
      </Stack>
    </Card>
  );
}
