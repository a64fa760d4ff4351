import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus, ItemStatus } from './review-api.js';

const COLOURS: Record<ItemStatus | DocumentStatus, string> = {
  draft: 'yellow',
  published: 'green',
  withdrawn: 'gray',
  discarded: 'red',
};

/** Draft, published, withdrawn or discarded, in words (the colour only repeats it). */
export function StatusBadge({ status }: { status: ItemStatus | DocumentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOURS[status]} tt="none" c="dark.7">
      {t(`review.status.${status}`)}
    </Badge>
  );
}
