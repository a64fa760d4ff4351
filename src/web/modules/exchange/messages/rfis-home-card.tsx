import { Badge, Text } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OpenRfiList } from '../../../../shared/exchange/messages/contract.js';
import { api, withQuery } from '../../../api/client.js';
import { formatDateTime } from '../../../app/format.js';
import { HomeCardFrame } from '../../home/home-card-frame.js';
import { MESSAGES_API, messageKeys, messagePath } from './messages-api.js';

const SHOWN = 5;

/** Under `messages`, so that any change to messages (and the live stream) refreshes it. */
const openRfisQuery = queryOptions({
  queryKey: [...messageKeys.all, 'open-rfis'] as const,
  queryFn: () => api.get<OpenRfiList>(withQuery(`${MESSAGES_API}/open-rfis`, { limit: SHOWN })),
  // Asked again at each visit of Home: deadlines pass without any event.
  staleTime: 0,
});

/** Home: open requests for information my units asked or must answer, overdue first, then by deadline. */
export default function RfisHomeCard() {
  const { t, i18n } = useTranslation();
  const rfis = useQuery(openRfisQuery);
  const data = rfis.data;
  return (
    <HomeCardFrame
      id="home-rfis"
      title={t('messages.home.rfisTitle')}
      summary={
        data
          ? [
              t('messages.home.rfisOpen', { count: data.total }),
              data.overdue ? t('messages.home.rfisOverdue', { count: data.overdue }) : '',
            ]
              .filter(Boolean)
              .join(' · ')
          : undefined
      }
      loading={rfis.isPending}
      failed={rfis.isError}
      items={(data?.rfis ?? []).map((rfi) => ({
        key: rfi.id,
        to: messagePath(rfi.id),
        label: rfi.subject,
        detail: (
          <>
            {rfi.status === 'overdue' ? (
              <Badge color="red.9" tt="none">
                {t('messages.home.overdue')}
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed" component="span">
              {rfi.asked ? t('messages.home.asked') : t('messages.home.toAnswer')}
            </Text>
            {rfi.deadline ? (
              <Text size="sm" component="time" dateTime={rfi.deadline}>
                {t('messages.deadlineOn', { time: formatDateTime(rfi.deadline, i18n.language) })}
              </Text>
            ) : null}
          </>
        ),
      }))}
      more={{ to: '/messages', search: { kind: 'rfi' }, label: t('messages.home.allRfis') }}
    />
  );
}
