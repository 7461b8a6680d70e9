// Administration: users and roles, API tokens for machines, and the audit log with its chain check.
import { Tabs, Stack } from '@mantine/core';
import { useI18n } from '../i18n/context.js';
import { PageTitle } from '../components/common.js';
import { UsersPanel } from './admin/UsersPanel.js';
import { TokensPanel } from './admin/TokensPanel.js';
import { AuditPanel } from './admin/AuditPanel.js';

export function AdminPage() {
  const { t } = useI18n();
  return (
    <Stack>
      <PageTitle>{t('admin.title')}</PageTitle>
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">{t('admin.users')}</Tabs.Tab>
          <Tabs.Tab value="tokens">{t('admin.tokens')}</Tabs.Tab>
          <Tabs.Tab value="audit">{t('admin.audit')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="tokens" pt="md">
          <TokensPanel />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
