// Small pieces every page uses: page title, error and loading states, status badges.
import { Alert as Callout, Badge, Button, Center, Loader, Title, Group } from '@mantine/core';
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
    <Badge color={statusColor[status]} variant="light" data-status={status} style={{ flexShrink: 0, maxWidth: 'none' }}>
      {t(`status.${status}` as MessageKey)}
    </Badge>
  );
}

// Filled badge shades chosen for at least 4.5:1 against their text (white, or dark on yellow).
const clockColor: Record<ClockState, string> = { not_started: 'gray.7', running: 'yellow', overdue: 'red.9', met: 'teal.9', met_late: 'grape.9' };

/** Colour of an alert score badge: red when likely a real sale, yellow (dark text) when unsure. */
export const scoreColor = (score: number) => (score >= 0.7 ? 'red.9' : score >= 0.4 ? 'yellow' : 'gray.7');

export function ClockBadge({ state }: { state: ClockState }) {
  const { t } = useI18n();
  return (
    <Badge color={clockColor[state]} variant="filled" data-testid="clock-state" data-state={state} autoContrast>
      {t(`clock.${state}` as MessageKey)}
    </Badge>
  );
}

/** "Load more" under a paged list; absent when the server said there is nothing more. */
export function MoreButton({ list }: { list: { data: { nextCursor: string | null } | null; more(): void; loadingMore: boolean } }) {
  const { t } = useI18n();
  if (!list.data?.nextCursor) return null;
  return (
    <Button variant="default" w="fit-content" onClick={list.more} loading={list.loadingMore}>
      {t('common.more')}
    </Button>
  );
}
