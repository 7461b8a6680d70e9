// Small pieces every page uses: page title, error and loading states, status badges.
import { Alert as Callout, Badge, Center, Loader, Title, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/context.js';
import type { MessageKey } from '../i18n/messages.js';
import type { ClockState, IncidentStatus } from '../api/types.js';

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md" wrap="wrap">
      <Title order={1} size="h2">
        {children}
      </Title>
      {actions}
    </Group>
  );
}

/** Shows the server's message in the reader's language; never a stack trace. */
export function ErrorNote({ error }: { error: ApiError | Error | null | undefined }) {
  const { locale, t } = useI18n();
  if (!error) return null;
  const message = 'messageEn' in error && locale === 'en' ? error.messageEn : error.message;
  return (
    <Callout color="red" role="alert" title={t('common.error')} my="sm">
      {message}
    </Callout>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <Center p="lg">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

const statusColor: Record<IncidentStatus, string> = {
  new: 'blue',
  triage: 'violet',
  investigating: 'orange',
  pse_notified: 'grape',
  closed: 'gray',
  false_positive: 'gray',
  duplicate: 'gray',
};

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={statusColor[status]} variant="light" data-status={status}>
      {t(`status.${status}` as MessageKey)}
    </Badge>
  );
}

const clockColor: Record<ClockState, string> = { not_started: 'gray', running: 'yellow', overdue: 'red', met: 'green', met_late: 'orange' };

export function ClockBadge({ state }: { state: ClockState }) {
  const { t } = useI18n();
  return (
    <Badge color={clockColor[state]} variant="filled" data-testid="clock-state" data-state={state} styles={{ root: { color: state === 'running' ? '#1a1b1e' : undefined } }}>
      {t(`clock.${state}` as MessageKey)}
    </Badge>
  );
}
