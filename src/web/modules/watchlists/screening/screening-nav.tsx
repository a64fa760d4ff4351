import { Button, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/capabilities.js';
import { formatNumber } from '../../../app/format.js';
import { waitingQuery } from '../home/waiting-api.js';

export type ScreeningSection = 'single' | 'batch' | 'review';

const PATHS: Record<ScreeningSection, string> = {
  single: '/screening',
  batch: '/screening/batches',
  review: '/screening/review',
};

/** The three parts of screening, the current one marked; the review queue says how many hits wait. */
export function ScreeningNav({ current }: { current: ScreeningSection }) {
  const { t, i18n } = useTranslation();
  const mayReview = useCan('screening.review');
  const open = useQuery({ ...waitingQuery(), enabled: mayReview });
  const sections: ScreeningSection[] = mayReview ? ['single', 'batch', 'review'] : ['single', 'batch'];
  return (
    <Group component="nav" aria-label={t('watchlistScreening.nav.label')} gap="xs" mb="md" wrap="wrap">
      {sections.map((section) => (
        <Button
          key={section}
          component={Link}
          to={PATHS[section]}
          variant={section === current ? 'filled' : 'default'}
          aria-current={section === current ? 'page' : undefined}
          data-testid={`screening-nav-${section}`}
        >
          {t(`watchlistScreening.nav.${section}`)}
          {section === 'review' && open.data ? ` (${formatNumber(open.data.openHits, i18n.language)})` : ''}
        </Button>
      ))}
    </Group>
  );
}
