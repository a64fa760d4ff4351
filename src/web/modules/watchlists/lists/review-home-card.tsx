import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../app/bidi.js';
import { HomeCardFrame } from '../../home/home-card-frame.js';
import { watchlistPath, watchlistsQuery } from './lists-api.js';

/**
 * Home: the lists of my units with entries past their review date, so the owner renews or removes
 * them before the grace period ends and they leave screening. Counts and list names only.
 */
export default function WatchlistReviewHomeCard() {
  const { t } = useTranslation();
  const lists = useQuery(watchlistsQuery({ mine: true }));
  const due = (lists.data?.items ?? []).filter((list) => list.dueForReview > 0);
  const entries = due.reduce((sum, list) => sum + list.dueForReview, 0);
  return (
    <HomeCardFrame
      id="home-watchlist-review"
      title={t('watchlistLists.home.title')}
      summary={lists.data ? t('watchlistLists.home.count', { count: entries }) : undefined}
      loading={lists.isPending}
      failed={lists.isError}
      items={due.slice(0, 5).map((list) => ({
        key: list.id,
        to: watchlistPath(list.id),
        label: isolate(list.name),
        detail: (
          <Badge color="orange" variant="light">
            {t('watchlistLists.home.due', { count: list.dueForReview })}
          </Badge>
        ),
      }))}
      more={{ to: '/watchlists?mine=true', label: t('watchlistLists.home.all') }}
    />
  );
}
