import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ItemStatus } from './review-api.js';

const COLOURS: Record<ItemStatus, string> = { draft: 'yellow', published: 'green', withdrawn: 'gray' };

/** Draft, published or withdrawn, in words (the colour only repeats it). */
export function StatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOURS[status]} tt="none" c="dark.7">
      {t(`review.status.${status}`)}
    </Badge>
  );
}
