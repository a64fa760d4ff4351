import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../app/bidi.js';
import { formatNumber } from '../../app/format.js';
import { HomeCardFrame } from '../home/home-card-frame.js';
import { openHitsQuery } from './review/review-api.js';
import { hitPath } from './screening/screening-api.js';

/**
 * Home: the open screening hits of my units (the five newest, each with its score and list) and the
 * queue's size. No screened name shows here: the hit's page says more, to whoever opens it.
 */
export default function ScreeningHitsHomeCard() {
  const { t, i18n } = useTranslation();
  const hits = useQuery(openHitsQuery());
  return (
    <HomeCardFrame
      id="home-screening-hits"
      title={t('watchlistReview.home.title')}
      summary={hits.data ? t('watchlistReview.home.count', { count: hits.data.open }) : undefined}
      loading={hits.isPending}
      failed={hits.isError}
      items={(hits.data?.items ?? []).map((hit) => ({
        key: hit.id,
        to: hitPath(hit.id),
        label: t('watchlistReview.home.item', {
          reference: isolate(hit.entry.reference),
          list: isolate(hit.entry.watchlist.name),
        }),
        detail: (
          <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('watchlistReview.home.score', {
              score: formatNumber(hit.score, i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
            })}
          </Text>
        ),
      }))}
      more={{ to: '/screening/review', label: t('watchlistReview.home.all') }}
    />
  );
}
