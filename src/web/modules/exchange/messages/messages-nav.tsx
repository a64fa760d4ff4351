import { Badge, NavLink, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { unreadQuery } from './messages-api.js';

/** The navigation's "Messages" entry with the inbox's unread count, asked again every 30 seconds. */
export function MessagesNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const unread = useQuery(unreadQuery).data ?? 0;
  const active = pathname === '/messages';
  return (
    <NavLink
      component={Link}
      to="/messages"
      activeOptions={{ exact: true }}
      label={t('messages.nav')}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      rightSection={
        unread > 0 ? (
          <Badge size="sm" color="red.9" tt="none" data-testid="unread-badge">
            <span aria-hidden="true">{unread}</span>
            <VisuallyHidden>{t('messages.list.unreadCount', { count: unread })}</VisuallyHidden>
          </Badge>
        ) : null
      }
    />
  );
}
