import { Anchor, Card, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { useCan } from '../../../app/capabilities.js';
import { NotAllowedPage, NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { ScreeningNav } from '../screening/screening-nav.js';
import { DecidedNotice, HitActions } from './hit-actions.js';
import { HitView } from './hit-view.js';
import { hitQuery, type ScreeningHit } from './review-api.js';

/** `/screening/hits/$hitId`: one hit to review (a hit of another unit is "not found"). */
export function HitPage() {
  const { t } = useTranslation();
  const mayReview = useCan('screening.review');
  const { hitId } = useParams({ from: '/signed-in/screening/hits/$hitId' });
  const hit = useQuery({ ...hitQuery(hitId), enabled: mayReview });
  const [decided, setDecided] = useState<ScreeningHit | null>(null);
  if (!mayReview) return <NotAllowedPage />;
  if (isApiError(hit.error, 404)) return <NotFoundPage />;
  return (
    <Stack>
      <PageTitle>{t('watchlistReview.hitTitle')}</PageTitle>
      <ScreeningNav current="review" />
      <Anchor component={Link} to="/screening/review" size="sm">
        {t('watchlistReview.back')}
      </Anchor>
      <ProblemAlert error={hit.error} />
      {hit.isPending ? <Skeleton h={200} aria-hidden="true" /> : null}
      <DecidedNotice hit={decided} />
      {hit.data ? (
        <Card withBorder padding="lg" data-testid="hit">
          <Stack gap="sm">
            <HitView hit={hit.data} />
            <HitActions hit={hit.data} onDecided={setDecided} />
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
