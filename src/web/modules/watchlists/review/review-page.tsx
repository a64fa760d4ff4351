import { Anchor, Card, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HIT_STATUSES, type HitStatus } from '../../../../shared/watchlists/vocabulary.js';
import { isolate } from '../../../app/bidi.js';
import { useCan } from '../../../app/capabilities.js';
import { ListPagination } from '../../../app/list-pagination.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { hitPath } from '../screening/screening-api.js';
import { ScreeningNav } from '../screening/screening-nav.js';
import { DecidedNotice, HitActions } from './hit-actions.js';
import { HitView } from './hit-view.js';
import { HITS_PER_PAGE, hitsQuery, type ScreeningHit } from './review-api.js';
import type { ReviewSearch } from './review-search.js';

/**
 * `/screening/review`: the hits of my units, open ones first (the default filter), each with the
 * screened query beside the listed names, the reasons and the score; Confirm / Discard with a reason.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const mayReview = useCan('screening.review');
  const search = useSearch({ from: '/signed-in/screening/review' });
  const navigate = useNavigate({ from: '/screening/review' });
  const status: HitStatus = search.status ?? 'open';
  const page = search.page ?? 1;
  const hits = useQuery({
    ...hitsQuery(status, HITS_PER_PAGE, (page - 1) * HITS_PER_PAGE),
    placeholderData: keepPreviousData,
    enabled: mayReview,
  });
  const [decided, setDecided] = useState<ScreeningHit | null>(null);
  if (!mayReview) return <NotAllowedPage />;
  const update = (next: ReviewSearch) =>
    navigate({ search: (current: ReviewSearch) => ({ ...current, ...next }), replace: true });
  const items = hits.data?.items ?? [];
  return (
    <Stack>
      <PageTitle description={t('watchlistReview.intro')}>{t('watchlistReview.title')}</PageTitle>
      <ScreeningNav current="review" />
      <SegmentedControl
        aria-label={t('watchlistReview.filter')}
        data={HIT_STATUSES.map((value) => ({ value, label: t(`watchlistReview.statusFilter.${value}`) }))}
        value={status}
        onChange={(value) => update({ status: value as HitStatus, page: undefined })}
        w="fit-content"
      />
      <DecidedNotice hit={decided} />
      <ProblemAlert error={hits.error} />
      {hits.isPending ? <Skeleton h={120} aria-hidden="true" /> : null}
      {hits.data ? (
        <Text aria-live="polite" data-testid="hits-summary">
          {t(`watchlistReview.count.${status}`, { count: hits.data.total })}
        </Text>
      ) : null}
      <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((hit) => (
          <Card key={hit.id} withBorder padding="md" component="li" data-testid="hit">
            <Stack gap="sm">
              <HitView hit={hit} heading="h3" />
              <HitActions hit={hit} onDecided={setDecided} />
              <Anchor component={Link} to={hitPath(hit.id)} size="sm">
                {t('watchlistReview.open', { reference: isolate(hit.entry.reference) })}
              </Anchor>
            </Stack>
          </Card>
        ))}
      </Stack>
      <ListPagination
        pages={Math.ceil((hits.data?.total ?? 0) / HITS_PER_PAGE)}
        page={page}
        onChange={(next) => update({ page: next > 1 ? next : undefined })}
      />
    </Stack>
  );
}
