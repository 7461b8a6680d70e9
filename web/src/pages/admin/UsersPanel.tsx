// Users and roles: list, create (a one-time password is shown once), change role, disable.
import { Button, Code, Group, Select, Stack, Switch, Table, Text, TextInput, Alert as Callout } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { patch, post } from '../../api/client.js';
import { useAction, useGet } from '../../api/hooks.js';
import type { Organization, Page, Role, User } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/messages.js';
import { ErrorNote } from '../../components/common.js';

const roles: Role[] = ['admin', 'analyst', 'investigator', 'pse_officer'];

export function UsersPanel() {
  const { t } = useI18n();
  const users = useGet<Page<User>>('/users?limit=200');
  const organizations = useGet<Page<Organization>>('/organizations?limit=200');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [oneTime, setOneTime] = useState<string | null>(null);
  const { error, run } = useAction(() => users.reload());
  const roleOptions = roles.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));
  const orgName = (id: number | null) => organizations.data?.items.find((o) => o.id === id)?.name ?? '';

  function create(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const result = await post<{ oneTimePassword?: string }>('/users', { email, name, role, organizationId: role === 'pse_officer' ? Number(organizationId) : null });
      setOneTime(result.oneTimePassword ?? null);
      setEmail('');
      setName('');
    });
  }

  return (
    <Stack>
      <form onSubmit={create}>
        <Group align="end" wrap="wrap">
          <TextInput label={t('user.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <TextInput label={t('user.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select label={t('user.role')} value={role} allowDeselect={false} onChange={(v) => v && setRole(v as Role)} data={roleOptions} />
          {role === 'pse_officer' && (
            <Select
              label={t('user.organization')}
              required
              searchable
              value={organizationId}
              onChange={setOrganizationId}
              data={(organizations.data?.items ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
            />
          )}
          <Button type="submit">{t('user.add')}</Button>
        </Group>
      </form>
      {oneTime && (
        <Callout color="yellow" title={t('user.oneTimeTitle')}>
          {t('user.oneTimeHelp')} <Code>{oneTime}</Code>
        </Callout>
      )}
      <ErrorNote error={error ?? users.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('user.name')}</Table.Th>
              <Table.Th>{t('user.email')}</Table.Th>
              <Table.Th>{t('user.role')}</Table.Th>
              <Table.Th>{t('user.active')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{u.email}</Table.Td>
                <Table.Td>
                  {u.role === 'pse_officer' ? (
                    <Text size="sm">
                      {t('role.pse_officer')} · {orgName(u.organizationId)}
                    </Text>
                  ) : (
                    <Select
                      size="xs"
                      aria-label={t('user.roleOf', { name: u.name })}
                      value={u.role}
                      allowDeselect={false}
                      onChange={(v) => v && void run(() => patch(`/users/${u.id}`, { role: v }))}
                      data={roleOptions.filter((r) => r.value !== 'pse_officer')}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t('user.activeOf', { name: u.name })}
                    checked={!u.disabled}
                    onChange={(e) => {
                      const disabled = !e.currentTarget.checked;
                      void run(() => patch(`/users/${u.id}`, { disabled }));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
