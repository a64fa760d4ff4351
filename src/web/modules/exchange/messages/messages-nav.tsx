import { Badge, NavLink, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../live/live-events.js';
import { unreadQuery } from './messages-api.js';

/**
 * The navigation's "Messages" entry with the inbox's unread count. The live stream refreshes it when
 * a message arrives; the poll is only a slow fallback then, and every 30 seconds while it is down.
 */
export function MessagesNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const live = useLiveStatus() === 'live';
  const unread = useQuery({ ...unreadQuery, refetchInterval: live ? 5 * 60_000 : 30_000 }).data ?? 0;
  const active = pathname === '/messages';
  return (
    <NavLink
      component={Link}
      to="/messages"
      activeOptions={{ exact: true }}
      label={t('nav.messages')}
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
