import { AppShell, Burger, Button, Group, Menu, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useRouter } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery, signOut } from '../api/session.js';
import type { Me } from '../api/types.js';
import { SessionLanguage } from '../modules/auth/session-language.js';
import { LiveEvents } from '../modules/exchange/live/live-events.js';
import { MessagesNavLink } from '../modules/exchange/messages/messages-nav.js';
import { can } from './capabilities.js';
import { LanguageSwitcher } from './language-switcher.js';

const MAIN_ID = 'main-content';

function focusMain() {
  document.getElementById(MAIN_ID)?.focus();
}

function Navigation({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const item = (to: string, label: string) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      // Only the page itself: the router's prefix match would also light "Library" on /library/countries.
      activeOptions={{ exact: true }}
      label={label}
      active={pathname === to}
      aria-current={pathname === to ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
  return (
    <Stack gap={4}>
      {item('/', t('nav.home'))}
      {item('/account', t('nav.account'))}
      {item('/library', t('nav.library'))}
      {item('/library/countries', t('nav.countries'))}
      {item('/directory', t('nav.directory'))}
      <MessagesNavLink onNavigate={onNavigate} />
      {item('/alerts', t('nav.alerts'))}
      {can(me, 'followup.read') ? item('/followup', t('nav.followup')) : null}
      {can(me, 'service.read') ? item('/services', t('nav.services')) : null}
      {can(me, 'case.read') ? item('/cases', t('nav.cases')) : null}
      {can(me, 'case.read') ? item('/referrals', t('nav.referrals')) : null}
      {can(me, 'referralStatistics.read') ? item('/referral-statistics', t('nav.referralStatistics')) : null}
      {can(me, 'watchlist.read') ? item('/watchlists', t('nav.watchlists')) : null}
      {can(me, 'screening.run') ? item('/screening', t('nav.screening')) : null}
      {can(me, 'knowledge.curate') ? item('/library/review', t('nav.review')) : null}
      {can(me, 'knowledge.curate') ? item('/library/import', t('nav.imports')) : null}
      {can(me, 'unit.list') || can(me, 'user.list') ? (
        <>
          <Text component="h2" size="xs" fw={700} tt="uppercase" c="dimmed" mt="md" mb={4} px="sm" id="admin-nav-heading">
            {t('nav.administration')}
          </Text>
          <Stack gap={4} role="group" aria-labelledby="admin-nav-heading" data-testid="admin-nav">
            {can(me, 'organisation.create') ? item('/admin/organisations', t('nav.organisations')) : null}
            {can(me, 'unit.list') ? item('/admin/units', t('nav.units')) : null}
            {can(me, 'user.list') ? item('/admin/users', t('nav.users')) : null}
            {can(me, 'sharingGroup.create') ? item('/admin/sharing-groups', t('nav.sharingGroups')) : null}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton className="user-menu-button" aria-label={t('shell.userMenu', { name: me.displayName })}>
          <Text size="sm" fw={600} truncate maw={200}>
            <bdi>{me.displayName}</bdi>
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <bdi>{me.email}</bdi>
        </Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item
          onClick={async () => {
            await signOut().catch(() => undefined);
            await router.navigate({ to: '/login', search: {} });
          }}
        >
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Header, navigation (signed in only) and the main region every page renders into. */
export function Shell() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After a navigation, start reading (and tabbing) from the new page, as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (pathname) focusMain();
  }, [pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={me ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding="lg"
      // The navigation appears with the session (after signing in): animated, the main region's
      // padding would grow from nothing while the navigation is already drawn, and the page would
      // slide out from under it. The content is placed at once instead.
      transitionDuration={0}
    >
      <a
        className="skip-link"
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          event.preventDefault();
          focusMain();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {me ? (
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
            ) : null}
            <Link to="/" className="brand">
              Liaison
            </Link>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('shell.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me ? null : (
              <Button component={Link} to="/library" variant="subtle" size="xs">
                {t('nav.library')}
              </Button>
            )}
            {me ? null : (
              <Button component={Link} to="/library/countries" variant="subtle" size="xs">
                {t('nav.countries')}
              </Button>
            )}
            <LiveEvents signedIn={Boolean(me)} />
            <LanguageSwitcher />
            {me ? (
              <UserMenu me={me} />
            ) : pathname !== '/login' ? (
              <Button component={Link} to="/login" variant="subtle" size="xs">
                {t('shell.signIn')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>
      {me ? (
        <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
          <Navigation me={me} onNavigate={close} />
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id={MAIN_ID} tabIndex={-1} className="main">
        <SessionLanguage />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
