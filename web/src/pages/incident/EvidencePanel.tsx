// Evidence: upload with a progress bar and the server's SHA-256, the file list, scan jobs with
// live progress, and the scan report of the chosen analysis.
import { Button, Card, Code, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError, post, uploadWithProgress } from '../../api/client.js';
import { useGet } from '../../api/hooks.js';
import type { Analysis, Evidence, Incident, Page } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import { formatBytes, formatNumber } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/messages.js';
import { isStaff, useSession } from '../../session.js';
import { ErrorNote } from '../../components/common.js';
import { ScanReportView } from './ScanReportView.js';

export function EvidencePanel({ incident }: { incident: Incident }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const staff = isStaff(user);
  const evidence = useGet<Page<Evidence>>(`/incidents/${incident.id}/evidence?limit=100`);
  const [polling, setPolling] = useState(false);
  const analyses = useGet<Page<Analysis>>(`/incidents/${incident.id}/analyses?limit=100`, polling ? 1000 : undefined);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploaded, setUploaded] = useState<Evidence | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState<number | null>(null);

  const active = analyses.data?.items.some((a) => a.status === 'queued' || a.status === 'running') ?? false;
  useEffect(() => setPolling(active), [active]);

  async function upload() {
    if (!file) return;
    setError(null);
    setUploaded(null);
    setProgress(0);
    try {
      const result = await uploadWithProgress<Evidence>(`/incidents/${incident.id}/evidence`, file, setProgress);
      setUploaded(result);
      setFile(null);
      evidence.reload();
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
      setProgress(null);
    }
  }

  async function scan(evidenceId: number) {
    setError(null);
    try {
      const started = await post<Analysis>(`/evidence/${evidenceId}/analyses`);
      setShown(started.id);
      analyses.reload();
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
    }
  }

  const nameOf = (evidenceId: number) => evidence.data?.items.find((e) => e.id === evidenceId)?.fileName ?? `#${evidenceId}`;
  const finished = analyses.data?.items.find((a) => a.id === shown) ?? null;

  return (
    <Stack>
      {staff && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('evidence.upload')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('evidence.uploadHelp')}
          </Text>
          <Group align="end" wrap="wrap">
            <FileInput label={t('evidence.file')} value={file} onChange={setFile} clearable w={320} maw="100%" />
            <Button onClick={() => void upload()} disabled={!file || (progress !== null && progress < 1 && !uploaded)}>
              {t('evidence.send')}
            </Button>
          </Group>
          {progress !== null && (
            <Progress value={progress * 100} mt="sm" size="lg" aria-label={t('evidence.progress')} data-testid="upload-progress" data-value={Math.round(progress * 100)} />
          )}
          {uploaded && (
            <Text size="sm" mt="xs" data-testid="upload-done">
              {t('evidence.uploaded', { name: uploaded.fileName, size: formatBytes(uploaded.sizeBytes) })} SHA-256: <Code data-testid="upload-sha256" style={{ overflowWrap: 'anywhere' }}>{uploaded.sha256}</Code>
            </Text>
          )}
          <ErrorNote error={error} />
        </Card>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('evidence.files')}
        </Title>
        {evidence.data?.items.length === 0 && <Text c="dimmed">{t('evidence.none')}</Text>}
        <Table.ScrollContainer minWidth={600}>
          <Table fz="sm" data-testid="evidence-table">
            <Table.Tbody>
              {evidence.data?.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }} data-testid="evidence-name">
                    {e.fileName}
                  </Table.Td>
                  <Table.Td>{formatBytes(e.sizeBytes)}</Table.Td>
                  <Table.Td>
                    <Code style={{ overflowWrap: 'anywhere' }}>{e.sha256}</Code>
                  </Table.Td>
                  <Table.Td>{date(e.createdAt)}</Table.Td>
                  <Table.Td>
                    {staff && (
                      <Button size="xs" variant="default" onClick={() => void scan(e.id)} aria-label={t('evidence.scanFile', { name: e.fileName })}>
                        {t('evidence.scan')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('analysis.jobs')}
        </Title>
        {analyses.data?.items.length === 0 && <Text c="dimmed">{t('analysis.none')}</Text>}
        <Stack gap="xs">
          {analyses.data?.items.map((a) => (
            <Group key={a.id} wrap="wrap" gap="sm" data-testid="analysis-row" data-status={a.status} data-progress={a.progress}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                #{a.id} {nameOf(a.evidenceId)}
              </Text>
              <Text size="sm">{t(`analysis.status.${a.status}` as MessageKey)}</Text>
              <Progress value={a.progress} w={160} aria-label={t('analysis.progress', { name: nameOf(a.evidenceId) })} />
              <Text size="sm">{formatNumber(Math.round(a.progress))}%</Text>
              {a.status === 'done' && (
                <Button size="xs" variant={shown === a.id ? 'filled' : 'default'} onClick={() => setShown(a.id)}>
                  {t('analysis.showReport')}
                </Button>
              )}
              {staff && (a.status === 'queued' || a.status === 'running') && (
                <Button size="xs" variant="default" onClick={() => void post(`/analyses/${a.id}/cancel`).then(analyses.reload)}>
                  {t('common.cancel')}
                </Button>
              )}
              {a.error && <Text size="sm" c="red">{a.error}</Text>}
            </Group>
          ))}
        </Stack>
      </Card>
      {finished?.status === 'done' && <ScanReportView analysisId={finished.id} fileName={nameOf(finished.evidenceId)} />}
    </Stack>
  );
}
