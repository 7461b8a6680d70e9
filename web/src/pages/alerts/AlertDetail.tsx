// One alert: the post with its extracted facts marked, the facts as a list, score and why.
import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Alert } from '../../api/types.js';
import { highlightFacts } from '../../components/highlight.js';
import { scoreColor } from '../../components/common.js';
import { useI18n } from '../../i18n/context.js';
import { formatPercent } from '../../i18n/format.js';
import { factLabel, factText, presentFacts } from './facts.js';

/** Only http(s) links become anchors: a scraped "javascript:" URL stays text. */
function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function AlertDetail({ alert }: { alert: Alert }) {
  const { t, date, locale } = useI18n();
  const pieces = highlightFacts(`${alert.title}\n\n${alert.text}`.trim(), alert.facts);
  const link = safeUrl(alert.url);
  const facts = presentFacts(alert.facts);

  return (
    <Stack gap="sm" data-testid="alert-detail">
      <Group justify="space-between">
        <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {alert.title || t('alerts.untitled')}
        </Title>
        <Badge size="lg" color={scoreColor(alert.score)} autoContrast style={{ flexShrink: 0 }}>
          {t('alerts.score')}: {formatPercent(alert.score)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('alerts.source')}: {alert.source} · {date(alert.seenAt)}
        {alert.label ? ` · ${alert.label}` : ''}
      </Text>
      {link ? (
        <Anchor href={link} target="_blank" rel="noopener noreferrer nofollow" size="sm" style={{ overflowWrap: 'anywhere' }}>
          {alert.url}
        </Anchor>
      ) : (
        alert.url && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {alert.url}
          </Text>
        )
      )}
      <Text component="div" className="post-text" size="sm" p="sm" bg="gray.0" aria-label={t('alerts.post')}>
        {pieces.map((piece, index) =>
          piece.fact ? (
            <mark key={index} className="fact" title={factLabel(piece.fact, locale, t)}>
              {piece.text}
            </mark>
          ) : (
            <span key={index}>{piece.text}</span>
          ),
        )}
      </Text>
      {facts.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
          {facts.map(([name, value]) => (
            <Text size="sm" key={name}>
              <b>{factLabel(name, locale, t)}:</b> {factText(name, value, locale, t)}
            </Text>
          ))}
        </SimpleGrid>
      )}
      {alert.explain.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('alerts.why')}
          </Text>
          <List size="sm">
            {alert.explain.map((line, index) => (
              <List.Item key={index}>{line}</List.Item>
            ))}
          </List>
        </div>
      )}
      {alert.dismissReason && (
        <Text size="sm">
          {t('alerts.dismissedBecause')}: {alert.dismissReason}
        </Text>
      )}
    </Stack>
  );
}
