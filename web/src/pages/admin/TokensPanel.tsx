// API tokens for machines (feeders, scripts): create for a user (secret shown once), revoke.
import { Alert as Callout, Button, Code, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, post } from '../../api/client.js';
import { useAction, useGet } from '../../api/hooks.js';
import type { ApiToken, Page, User } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import { ErrorNote } from '../../components/common.js';

export function TokensPanel() {
  const { t, date } = useI18n();
  const tokens = useGet<Page<ApiToken>>('/tokens?limit=200');
  const users = useGet<Page<User>>('/users?limit=200');
  const [name, setName] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const { error, run } = useAction(() => tokens.reload());
  const userName = (id: number) => users.data?.items.find((u) => u.id === id)?.name ?? `#${id}`;

  function create(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const created = await post<{ token: string }>('/tokens', { name, userId: Number(userId) });
      setSecret(created.token);
      setName('');
    });
  }

  return (
    <Stack>
      <form onSubmit={create}>
        <Group align="end" wrap="wrap">
          <TextInput label={t('token.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select label={t('token.user')} required searchable value={userId} onChange={setUserId} data={(users.data?.items ?? []).map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` }))} />
          <Button type="submit" disabled={!userId}>
            {t('token.add')}
          </Button>
        </Group>
      </form>
      {secret && (
        <Callout color="yellow" title={t('token.onceTitle')}>
          <Code style={{ overflowWrap: 'anywhere' }}>{secret}</Code>
        </Callout>
      )}
      <ErrorNote error={error ?? tokens.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('token.name')}</Table.Th>
              <Table.Th>{t('token.user')}</Table.Th>
              <Table.Th>{t('token.prefix')}</Table.Th>
              <Table.Th>{t('token.lastUsed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data?.items.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>{userName(token.userId)}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{date(token.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {token.revokedAt ? (
                    t('token.revokedAt', { when: date(token.revokedAt) })
                  ) : (
                    <Button size="xs" color="red" variant="outline" onClick={() => void run(() => api('DELETE', `/tokens/${token.id}`))}>
                      {t('token.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
