import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReviewDocumentPage } from '../../../../shared/knowledge/review/contract.js';
import { api, withQuery } from '../../../api/client.js';
import { HomeCardFrame } from '../../home/home-card-frame.js';
import { REVIEW_API, reviewKeys, reviewPath } from './review-api.js';

const SHOWN = 5;

/**
 * Its own key, asked again at each visit of Home: the review list (another page size) must never be
 * served Home's older copy.
 */
const draftsQuery = queryOptions({
  queryKey: [...reviewKeys.all, 'home'] as const,
  queryFn: () => api.get<ReviewDocumentPage>(withQuery(`${REVIEW_API}/documents`, { status: 'draft', limit: SHOWN })),
  staleTime: 0,
});

/** Home (curators): library documents still drafts, waiting to be reviewed and published. */
export default function ReviewHomeCard() {
  const { t } = useTranslation();
  const drafts = useQuery(draftsQuery);
  return (
    <HomeCardFrame
      id="home-review"
      title={t('review.home.title')}
      summary={drafts.data ? t('review.home.count', { count: drafts.data.total }) : undefined}
      loading={drafts.isPending}
      failed={drafts.isError}
      items={(drafts.data?.items ?? []).map((document) => ({
        key: document.id,
        to: reviewPath(document.id),
        label: document.title,
      }))}
      more={{ to: '/library/review', label: t('review.home.all') }}
    />
  );
}
