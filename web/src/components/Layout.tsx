// The frame: header with language, time zone and sign-out; a navigation bar that collapses behind
// a burger button on narrow screens (390 px phones).
import { AppShell, Burger, Group, NavLink, SegmentedControl, Select, Text, Button } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/context.js';
import type { MessageKey } from '../i18n/messages.js';
import type { TimeZoneChoice } from '../i18n/format.js';
import { useSession } from '../session.js';
import type { Role } from '../api/types.js';

const pages: { path: string; label: MessageKey; roles: Role[] | 'all' }[] = [
  { path: '/dashboard', label: 'nav.dashboard', roles: ['admin', 'analyst'] },
  { path: '/alerts', label: 'nav.alerts', roles: ['admin', 'analyst'] },
  { path: '/incidents', label: 'nav.incidents', roles: 'all' },
  { path: '/organizations', label: 'nav.organizations', roles: 'all' },
  { path: '/sources', label: 'nav.sources', roles: ['admin', 'analyst'] },
  { path: '/admin', label: 'nav.admin', roles: ['admin'] },
];

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={locale}
      onChange={(value) => setLocale(value === 'en' ? 'en' : 'id')}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  // On phones the closed navigation slides off screen; inert keeps its links out of the tab order too.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const { t, zone, setZone } = useI18n();
  const { user, logout } = useSession();
  const location = useLocation();
  const visible = pages.filter((p) => p.roles === 'all' || (user && p.roles.includes(user.role)));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('header.menu')} />
            <Text fw={700} size="lg">
              Telusur
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Select
              size="xs"
              w={84}
              aria-label={t('header.timeZone')}
              value={zone}
              allowDeselect={false}
              onChange={(value) => value && setZone(value as TimeZoneChoice)}
              data={['WIB', 'WITA', 'WIT']}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('header.navigation')} inert={phone && !opened}>
        <div>
          {visible.map((page) => (
            <NavLink
              key={page.path}
              component={RouterLink}
              to={page.path}
              label={t(page.label)}
              active={location.pathname.startsWith(page.path)}
              onClick={close}
            />
          ))}
        </div>
        <div style={{ marginTop: 'auto' }}>
          <Text size="sm" fw={600}>
            {user?.name}
          </Text>
          <Text size="xs" c="dimmed" data-testid="current-role">
            {user ? t(`role.${user.role}`) : ''}
          </Text>
          <Button variant="subtle" size="xs" px={0} onClick={() => void logout()}>
            {t('header.logout')}
          </Button>
        </div>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
