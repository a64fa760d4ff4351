import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WatchlistStatus } from '../../../../shared/watchlists/vocabulary.js';

/** Entries past their review date, as a warning; nothing when none is due. */
export function DueBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <Badge color="orange" variant="light" data-testid="due-badge">
      {t('watchlistLists.dueForReview', { count })}
    </Badge>
  );
}

export function ListStatusBadge({ status }: { status: WatchlistStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'green' : 'gray'} variant="light" data-testid="list-status">
      {t(`watchlistLists.status.${status}`)}
    </Badge>
  );
}
