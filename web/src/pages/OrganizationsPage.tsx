// The PSE registry: name, aliases, sector, ownership, contacts, DPO and domains. The server scopes
// the list, so a PSE officer sees only their own organisation. Staff can add entries.
import { Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../api/client.js';
import { useGet } from '../api/hooks.js';
import type { Contact, Organization, Page } from '../api/types.js';
import { useI18n } from '../i18n/context.js';
import { isStaff, useSession } from '../session.js';
import { ErrorNote, Loading, PageTitle } from '../components/common.js';

function contactLine(contact: Contact): string {
  return [contact.name, contact.role, contact.email, contact.phone].filter(Boolean).join(' · ');
}

export function OrganizationsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const organizations = useGet<Page<Organization>>(`/organizations?limit=200${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`);

  return (
    <Stack>
      <PageTitle actions={isStaff(user) && <Button onClick={() => setCreating(true)}>{t('org.new')}</Button>}>{t('org.title')}</PageTitle>
      <TextInput label={t('org.search')} description={t('org.searchHelp')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={420} />
      <ErrorNote error={organizations.error} />
      {organizations.loading && !organizations.data ? (
        <Loading />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="org-list">
          {organizations.data?.items.map((org) => (
            <Card key={org.id} withBorder data-org={org.id}>
              <Group justify="space-between" wrap="nowrap" align="start">
                <Text fw={700} style={{ overflowWrap: 'anywhere' }} data-testid="org-name">
                  {org.name}
                </Text>
                <Badge variant="light">{org.ownership === 'public' ? t('org.public') : t('org.private')}</Badge>
              </Group>
              <Text size="sm">
                {t('org.sector')}: {org.sector}
              </Text>
              {org.aliases.length > 0 && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('org.aliases')}: {org.aliases.join(', ')}
                </Text>
              )}
              {org.domains.length > 0 && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('org.domains')}: {org.domains.join(', ')}
                </Text>
              )}
              {org.dpo && (
                <Text size="sm">
                  {t('org.dpo')}: {contactLine(org.dpo)}
                </Text>
              )}
              {org.contacts.map((c, i) => (
                <Text size="sm" key={i}>
                  {t('org.contact')}: {contactLine(c)}
                </Text>
              ))}
            </Card>
          ))}
        </SimpleGrid>
      )}
      <NewOrganization opened={creating} onClose={() => setCreating(false)} onCreated={organizations.reload} />
    </Stack>
  );
}

function NewOrganization({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState<string[]>([]);
  const [domains, setDomains] = useState<string[]>([]);
  const [sector, setSector] = useState('');
  const [ownership, setOwnership] = useState<string>('private');
  const [dpoEmail, setDpoEmail] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await post('/organizations', { name, aliases, domains, sector: sector || 'other', ownership, dpo: dpoEmail ? { email: dpoEmail } : null });
      onCreated();
      onClose();
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('org.new')}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <TextInput label={t('org.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <TagsInput label={t('org.aliases')} value={aliases} onChange={setAliases} />
          <TextInput label={t('org.sector')} value={sector} onChange={(e) => setSector(e.currentTarget.value)} />
          <Select
            label={t('org.ownership')}
            value={ownership}
            allowDeselect={false}
            onChange={(v) => v && setOwnership(v)}
            data={[
              { value: 'public', label: t('org.public') },
              { value: 'private', label: t('org.private') },
            ]}
          />
          <TagsInput label={t('org.domains')} value={domains} onChange={setDomains} />
          <TextInput label={t('org.dpoEmail')} type="email" value={dpoEmail} onChange={(e) => setDpoEmail(e.currentTarget.value)} />
          <ErrorNote error={error} />
          <Button type="submit">{t('common.save')}</Button>
        </Stack>
      </form>
    </Modal>
  );
}
