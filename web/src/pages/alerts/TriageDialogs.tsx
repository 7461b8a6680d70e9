// The three triage actions on an alert, each a small dialog: promote to a new incident, merge into
// an existing one, or dismiss with a reason (required, so the audit trail says why).
import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, post } from '../../api/client.js';
import { useGet } from '../../api/hooks.js';
import { severities, type Alert, type Incident, type Page } from '../../api/types.js';
import { ErrorNote } from '../../components/common.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/messages.js';

export type TriageAction = 'promote' | 'merge' | 'dismiss';

export function TriageDialogs({ alert, action, onClose, onDone }: { alert: Alert; action: TriageAction | null; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<string>('high');
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const open = useGet<Page<Incident>>(action === 'merge' ? '/incidents?status=new,triage,investigating,pse_notified&limit=200' : null);

  useEffect(() => {
    setTitle(alert.title || alert.text.slice(0, 120));
    setReason('');
    setIncidentId(null);
    setError(null);
  }, [alert, action]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (action === 'promote') {
        const result = await post<{ incident: Incident }>(`/alerts/${alert.id}/promote`, { title, severity });
        onDone();
        void navigate(`/incidents/${result.incident.id}`);
        return;
      }
      if (action === 'merge') await post(`/alerts/${alert.id}/merge`, { incidentId: Number(incidentId) });
      if (action === 'dismiss') await post(`/alerts/${alert.id}/dismiss`, { reason });
      onDone();
    } catch (reasonError) {
      setError(reasonError instanceof ApiError ? reasonError : new ApiError(0, 'network', String(reasonError)));
    } finally {
      setBusy(false);
    }
  }

  const heading = action ? t(`alerts.${action}Title` as MessageKey) : '';
  return (
    <Modal opened={action !== null} onClose={onClose} title={heading}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          {action === 'promote' && (
            <>
              <TextInput label={t('incident.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus />
              <Select
                label={t('incident.severity')}
                value={severity}
                allowDeselect={false}
                onChange={(v) => v && setSeverity(v)}
                data={severities.map((s) => ({ value: s, label: t(`severity.${s}` as MessageKey) }))}
              />
            </>
          )}
          {action === 'merge' && (
            <Select
              label={t('alerts.mergeInto')}
              required
              searchable
              data-autofocus
              value={incidentId}
              onChange={setIncidentId}
              data={(open.data?.items ?? []).map((i) => ({ value: String(i.id), label: `#${i.id} ${i.title}` }))}
            />
          )}
          {action === 'dismiss' && (
            <Textarea label={t('alerts.dismissReason')} required minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          )}
          <ErrorNote error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={action === 'merge' && !incidentId}>
              {heading}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
