// The UU PDP Art. 46 notification: the clock, the form with the Art. 46(2) items, the filed
// notifications and their generated letter (to the PSE or to data subjects) to print or download.
import { Anchor, Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, get, post } from '../../api/client.js';
import { useGet } from '../../api/hooks.js';
import type { Incident, Page } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { useSession } from '../../session.js';
import { ErrorNote } from '../../components/common.js';
import { Countdown } from '../../components/Countdown.js';

type Notification = {
  id: number;
  dataExposed: string;
  exposedAt: string | null;
  exposureHow: string;
  handling: string;
  recovery: string;
  subjectsEstimate: number | null;
  contact: string;
  filedAt: string;
};

/** The letter comes as HTML; an inert DOMParser document gives its text, which is shown as text. */
export function letterText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style').forEach((node) => node.remove());
  const blocks = [...doc.body.querySelectorAll('h1, h2, h3, p, li, td, th, div:not(:has(*))')];
  const text = blocks.length ? blocks.map((b) => b.textContent?.trim() ?? '').filter(Boolean).join('\n\n') : (doc.body.textContent ?? '');
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

export function NotificationPanel({ incident, onChange }: { incident: Incident; onChange(): void }) {
  const { t, date, locale } = useI18n();
  const { user } = useSession();
  const mayFile = user?.role === 'admin' || user?.role === 'analyst' || user?.role === 'pse_officer';
  const filed = useGet<Page<Notification>>(`/incidents/${incident.id}/notifications?limit=50`);
  const [form, setForm] = useState({ dataExposed: '', exposedAt: '', exposureHow: '', handling: '', recovery: '', contact: '' });
  const [estimate, setEstimate] = useState<number | string>('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [name]: value }));
    },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post(`/incidents/${incident.id}/notifications`, {
        dataExposed: form.dataExposed,
        exposedAt: form.exposedAt ? new Date(form.exposedAt).toISOString() : null,
        exposureHow: form.exposureHow,
        handling: form.handling,
        recovery: form.recovery,
        contact: form.contact,
        subjectsEstimate: typeof estimate === 'number' ? estimate : null,
      });
      setAnother(false);
      filed.reload();
      onChange();
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
    } finally {
      setBusy(false);
    }
  }

  const latest = filed.data?.items[0];
  const [another, setAnother] = useState(false);
  const showForm = mayFile && filed.data !== null && (!latest || another);
  return (
    <Stack>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('notification.clock')}
        </Title>
        <Countdown clock={incident.deadline} />
      </Card>
      {latest && <Letter notification={latest} locale={locale} />}
      {filed.data?.items.map((n) => (
        <Text key={n.id} size="sm" data-testid="notification-filed">
          {t('notification.filedAt', { when: date(n.filedAt) })}
          {n.subjectsEstimate !== null ? ` · ${t('notification.subjects')}: ${formatNumber(n.subjectsEstimate)}` : ''}
        </Text>
      ))}
      {mayFile && latest && !another && (
        <Button variant="default" w="fit-content" onClick={() => setAnother(true)}>
          {t('notification.another')}
        </Button>
      )}
      {showForm && (
        <Card withBorder>
          <form onSubmit={(e) => void submit(e)}>
            <Stack>
              <Title order={2} size="h4">
                {t('notification.formTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('notification.formHelp')}
              </Text>
              <Textarea label={t('notification.dataExposed')} description={t('notification.dataExposedHelp')} required minRows={2} {...field('dataExposed')} />
              <Group grow wrap="wrap">
                <TextInput label={t('notification.exposedAt')} type="datetime-local" {...field('exposedAt')} />
                <NumberInput label={t('notification.subjects')} min={0} thousandSeparator="." decimalSeparator="," value={estimate} onChange={setEstimate} />
              </Group>
              <Textarea label={t('notification.exposureHow')} required minRows={2} {...field('exposureHow')} />
              <Textarea label={t('notification.handling')} required minRows={2} {...field('handling')} />
              <Textarea label={t('notification.recovery')} required minRows={2} {...field('recovery')} />
              <TextInput label={t('notification.contact')} {...field('contact')} />
              <ErrorNote error={error} />
              <Button type="submit" loading={busy} w="fit-content">
                {t('notification.file')}
              </Button>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}

function Letter({ notification, locale }: { notification: Notification; locale: 'id' | 'en' }) {
  const { t } = useI18n();
  const [audience, setAudience] = useState<'pse' | 'subjects'>('pse');
  const [text, setText] = useState<string | null>(null);
  const [html, setHtml] = useState<string | null>(null);
  const path = `/notifications/${notification.id}/letter?audience=${audience}&lang=${locale}`;

  useEffect(() => {
    let live = true;
    get<string>(path)
      .then((body) => {
        if (!live) return;
        setHtml(body);
        setText(letterText(body));
      })
      .catch((reason: unknown) => live && setText(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      live = false;
    };
  }, [path]);

  const download = () => {
    if (!html) return;
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `surat-pemberitahuan-${notification.id}-${audience}.html`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs" className="no-print">
        <Title order={2} size="h4">
          {t('notification.letter')}
        </Title>
        <SegmentedControl
          aria-label={t('notification.audience')}
          value={audience}
          onChange={(v) => setAudience(v === 'subjects' ? 'subjects' : 'pse')}
          data={[
            { value: 'pse', label: t('notification.toPse') },
            { value: 'subjects', label: t('notification.toSubjects') },
          ]}
        />
      </Group>
      <div className="letter" data-testid="letter">
        {text ?? '…'}
      </div>
      <Group mt="sm" className="no-print">
        <Anchor href={`/api/v1${path}`} target="_blank" rel="noopener">
          {t('notification.openPrint')}
        </Anchor>
        <Button variant="default" size="xs" onClick={download} disabled={!html}>
          {t('notification.download')}
        </Button>
      </Group>
    </Card>
  );
}
