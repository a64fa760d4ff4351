import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HomeCardFrame } from '../../home/home-card-frame.js';
import { documentsQuery, reviewPath } from './review-api.js';

const SHOWN = 5;

/** Home (curators): library documents still drafts, waiting to be reviewed and published. */
export default function ReviewHomeCard() {
  const { t } = useTranslation();
  const drafts = useQuery(documentsQuery('draft', 1));
  return (
    <HomeCardFrame
      id="home-review"
      title={t('review.home.title')}
      summary={drafts.data ? t('review.home.count', { count: drafts.data.total }) : undefined}
      loading={drafts.isPending}
      failed={drafts.isError}
      items={(drafts.data?.items ?? []).slice(0, SHOWN).map((document) => ({
        key: document.id,
        to: reviewPath(document.id),
        label: document.title,
      }))}
      more={{ to: '/library/review', label: t('review.home.all') }}
    />
  );
}
