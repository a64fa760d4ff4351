import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../../api/session.js';
import { HomeCardFrame } from '../../home/home-card-frame.js';
import { unreadByUnitQuery } from './messages-api.js';

/** Home: unread messages in the inbox of each unit I act for. */
export default function MessagesHomeCard() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const counts = useQuery(unreadByUnitQuery);
  const names = new Map((me?.units ?? []).map((unit) => [unit.id, unit.name]));
  const waiting = (counts.data?.units ?? []).filter((unit) => unit.unread > 0);
  return (
    <HomeCardFrame
      id="home-messages"
      title={t('messages.home.title')}
      summary={t('messages.home.unread', { count: counts.data?.unread ?? 0 })}
      loading={counts.isPending}
      failed={counts.isError}
      items={waiting.map((unit) => ({
        key: unit.unitId,
        to: '/messages',
        search: { unit: unit.unitId },
        label: names.get(unit.unitId) ?? unit.unitId,
        detail: (
          <Badge color="red.9" tt="none" variant="light">
            {t('messages.home.unread', { count: unit.unread })}
          </Badge>
        ),
      }))}
      more={{ to: '/messages', label: t('messages.home.all') }}
    />
  );
}
