// Internal notes (staff and investigators) and the incident's timeline (everyone who may see it).
import { Button, Card, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../../api/client.js';
import { useGet } from '../../api/hooks.js';
import type { Incident, Note, Page, TimelineEvent } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/messages.js';
import { messages } from '../../i18n/messages.js';
import { isStaff, useSession } from '../../session.js';
import { ErrorNote } from '../../components/common.js';

export function NotesPanel({ incident }: { incident: Incident }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const notes = useGet<Page<Note>>(`/incidents/${incident.id}/notes?limit=200`);
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await post(`/incidents/${incident.id}/notes`, { body });
      setBody('');
      notes.reload();
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
    }
  }

  return (
    <Stack>
      {isStaff(user) && (
        <form onSubmit={(e) => void add(e)}>
          <Stack gap="xs">
            <Textarea label={t('note.new')} required minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
            <Button type="submit" w="fit-content">
              {t('note.add')}
            </Button>
          </Stack>
        </form>
      )}
      <ErrorNote error={error ?? notes.error} />
      {notes.data?.items.length === 0 && <Text c="dimmed">{t('note.none')}</Text>}
      {notes.data?.items.map((note) => (
        <Card key={note.id} withBorder p="sm">
          <Text size="xs" c="dimmed">
            {note.author?.name ?? '–'} · {date(note.createdAt)}
          </Text>
          <Text size="sm" className="post-text">
            {note.body}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

export function TimelinePanel({ incident }: { incident: Incident }) {
  const { t, date, locale } = useI18n();
  const events = useGet<Page<TimelineEvent>>(`/incidents/${incident.id}/timeline?limit=200`);
  const kindLabel = (kind: string) => {
    const key = `event.${kind}`;
    return key in messages[locale] ? t(key as MessageKey) : kind;
  };
  const detailText = (event: TimelineEvent) => {
    const d = event.detail;
    if (event.kind === 'status_changed' && typeof d.from === 'string' && typeof d.to === 'string')
      return `${t(`status.${d.from}` as MessageKey)} → ${t(`status.${d.to}` as MessageKey)}`;
    if (typeof d.title === 'string') return d.title;
    return '';
  };

  return (
    <Stack>
      <ErrorNote error={events.error} />
      <Timeline bulletSize={14} lineWidth={2}>
        {events.data?.items.map((event) => (
          <Timeline.Item key={event.id} title={kindLabel(event.kind)} data-kind={event.kind}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {detailText(event)}
            </Text>
            <Text size="xs" c="dimmed">
              {event.actor?.name ?? t('event.system')} · {date(event.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
