// One incident: overview with the UU PDP clock, then tabs for evidence and scans, tasks, notes and
// timeline, and the Art. 46 notification. Tabs hidden from a role are the ones its API refuses.
import { Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { useGet } from '../../api/hooks.js';
import type { Incident } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import { useSession } from '../../session.js';
import { ErrorNote, Loading, PageTitle, StatusBadge } from '../../components/common.js';
import { Overview } from './Overview.js';
import { EvidencePanel } from './EvidencePanel.js';
import { TasksPanel } from './TasksPanel.js';
import { NotesPanel, TimelinePanel } from './ActivityPanels.js';
import { NotificationPanel } from './NotificationPanel.js';

export function IncidentPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const incident = useGet<Incident>(`/incidents/${Number(id)}`);
  const readsInternals = user?.role !== 'pse_officer';

  if (incident.error) return <ErrorNote error={incident.error} />;
  if (!incident.data) return <Loading />;
  const data = incident.data;
  return (
    <Stack>
      <PageTitle>
        <span style={{ overflowWrap: 'anywhere' }}>
          #{data.id} {data.title}
        </span>
      </PageTitle>
      <Group gap="xs">
        <StatusBadge status={data.status} />
        <Badge variant="outline">TLP:{data.tlp.toUpperCase()}</Badge>
        <Text size="sm">{data.victims.map((v) => v.name).join(', ')}</Text>
      </Group>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('incident.tabOverview')}</Tabs.Tab>
          <Tabs.Tab value="evidence">{t('incident.tabEvidence')}</Tabs.Tab>
          {readsInternals && <Tabs.Tab value="tasks">{t('incident.tabTasks')}</Tabs.Tab>}
          {readsInternals && <Tabs.Tab value="notes">{t('incident.tabNotes')}</Tabs.Tab>}
          <Tabs.Tab value="timeline">{t('incident.tabTimeline')}</Tabs.Tab>
          <Tabs.Tab value="notification">{t('incident.tabNotification')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Overview incident={data} onChange={incident.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="md">
          <EvidencePanel incident={data} />
        </Tabs.Panel>
        {readsInternals && (
          <Tabs.Panel value="tasks" pt="md">
            <TasksPanel incident={data} />
          </Tabs.Panel>
        )}
        {readsInternals && (
          <Tabs.Panel value="notes" pt="md">
            <NotesPanel incident={data} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="timeline" pt="md">
          <TimelinePanel incident={data} />
        </Tabs.Panel>
        <Tabs.Panel value="notification" pt="md">
          <NotificationPanel incident={data} onChange={incident.reload} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
