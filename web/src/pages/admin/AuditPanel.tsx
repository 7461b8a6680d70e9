// The audit log viewer, newest first, with "verify chain": the server rehashes every row and
// names the first broken one.
import { Alert as Callout, Button, Code, Group, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, post } from '../../api/client.js';
import { usePaged } from '../../api/hooks.js';
import type { AuditRow, AuditVerdict } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { ErrorNote, MoreButton } from '../../components/common.js';

export function AuditPanel() {
  const { t, date } = useI18n();
  const [action, setAction] = useState('');
  const audit = usePaged<AuditRow>(`/audit?limit=100${action.trim() ? `&action=${encodeURIComponent(action.trim())}` : ''}`, 'before');
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setVerdict(await post<AuditVerdict>('/audit/verify'));
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <TextInput label={t('audit.filterAction')} placeholder="incident.create" value={action} onChange={(e) => setAction(e.currentTarget.value)} />
        <Button onClick={() => void verify()} loading={busy}>
          {t('audit.verify')}
        </Button>
      </Group>
      {verdict && (
        <Callout color={verdict.ok ? 'green' : 'red'} title={verdict.ok ? t('audit.ok') : t('audit.broken')} data-testid="audit-verdict" data-ok={verdict.ok}>
          {verdict.ok ? t('audit.okDetail', { rows: formatNumber(verdict.rows) }) : t('audit.brokenDetail', { seq: verdict.brokenSeq ?? '?', reason: verdict.reason ?? '' })}
        </Callout>
      )}
      <ErrorNote error={error ?? audit.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table fz="xs" striped data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.target')}</Table.Th>
              <Table.Th>{t('audit.hash')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.data?.items.map((row) => (
              <Table.Tr key={row.seq}>
                <Table.Td>{row.seq}</Table.Td>
                <Table.Td>{date(row.at)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.actor}</Table.Td>
                <Table.Td>{row.action}</Table.Td>
                <Table.Td>
                  {row.targetType} {row.targetId ?? ''}
                </Table.Td>
                <Table.Td>
                  <Code>{row.hash.slice(0, 12)}…</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <MoreButton list={audit} />
    </Stack>
  );
}
