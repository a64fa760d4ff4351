import { Badge, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../app/bidi.js';
import { formatNumber } from '../../../app/format.js';
import { HomeCardFrame } from '../../home/home-card-frame.js';
import { watchlistPath } from '../paths.js';
import { hitPath } from '../screening/screening-api.js';
import { waitingQuery } from './waiting-api.js';

/**
 * Home: the open screening hits of my units (the five newest, each with its score and list), then my
 * units' lists with entries past their review date (to renew or remove before they leave
 * screening). References, list names and scores only: a hit's page says more, to whoever opens it.
 */
export default function WatchlistsHomeCard() {
  const { t, i18n } = useTranslation();
  const waiting = useQuery(waitingQuery());
  const data = waiting.data;
  const summary = data
    ? [
        t('watchlistHome.count', { count: data.openHits }),
        ...(data.dueEntries > 0 ? [t('watchlistHome.due', { count: data.dueEntries })] : []),
      ].join(' · ')
    : undefined;
  const hits = (data?.hits ?? []).map((hit) => ({
    key: hit.id,
    to: hitPath(hit.id),
    label: t('watchlistHome.item', { reference: isolate(hit.reference), list: isolate(hit.watchlistName) }),
    detail: (
      <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('watchlistHome.score', {
          score: formatNumber(hit.score, i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        })}
      </Text>
    ),
  }));
  const due = (data?.dueLists ?? []).map((list) => ({
    key: list.id,
    to: watchlistPath(list.id),
    label: isolate(list.name),
    detail: (
      <Badge color="orange" variant="light">
        {t('watchlistHome.dueBadge', { count: list.due })}
      </Badge>
    ),
  }));
  return (
    <HomeCardFrame
      id="home-screening-hits"
      title={t('watchlistHome.title')}
      summary={summary}
      loading={waiting.isPending}
      failed={waiting.isError}
      items={[...hits, ...due]}
      more={{ to: '/screening/review', label: t('watchlistHome.all') }}
    />
  );
}
