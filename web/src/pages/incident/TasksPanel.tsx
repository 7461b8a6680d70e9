// Tasks on an incident ("koordinasi dengan BSSN", "panggil PSE"): title, due date, status.
import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { patch, post } from '../../api/client.js';
import { useAction, useGet } from '../../api/hooks.js';
import type { Incident, Page, Task } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/messages.js';
import { isStaff, useSession } from '../../session.js';
import { ErrorNote } from '../../components/common.js';

const taskStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;

export function TasksPanel({ incident }: { incident: Incident }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const staff = isStaff(user);
  const tasks = useGet<Page<Task>>(`/incidents/${incident.id}/tasks?limit=200`);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const { error, run } = useAction(() => tasks.reload());

  function add(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await post(`/incidents/${incident.id}/tasks`, { title, dueAt: due ? new Date(due).toISOString() : null });
      setTitle('');
      setDue('');
    });
  }

  return (
    <Stack>
      {staff && (
        <form onSubmit={add}>
          <Group align="end" wrap="wrap">
            <TextInput label={t('task.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} w={320} maw="100%" />
            <TextInput label={t('task.due')} type="datetime-local" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
            <Button type="submit">{t('task.add')}</Button>
          </Group>
        </form>
      )}
      <ErrorNote error={error ?? tasks.error} />
      {tasks.data?.items.length === 0 && <Text c="dimmed">{t('task.none')}</Text>}
      <Table.ScrollContainer minWidth={480}>
        <Table fz="sm">
          <Table.Tbody>
            {tasks.data?.items.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{task.title}</Table.Td>
                <Table.Td>{task.dueAt ? date(task.dueAt) : '–'}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={t('task.statusOf', { title: task.title })}
                    disabled={!staff}
                    value={task.status}
                    allowDeselect={false}
                    onChange={(v) => v && void run(() => patch(`/tasks/${task.id}`, { status: v }))}
                    data={taskStatuses.map((s) => ({ value: s, label: t(`task.status.${s}` as MessageKey) }))}
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
