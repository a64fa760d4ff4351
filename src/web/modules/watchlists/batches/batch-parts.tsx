import { Badge, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../app/bidi.js';
import { formatNumber } from '../../../app/format.js';
import type { ScreeningBatch } from './batches-api.js';

const STATUS_COLOURS = { queued: 'gray', running: 'blue', done: 'green', failed: 'red' } as const;

export function BatchStatusBadge({ batch }: { batch: Pick<ScreeningBatch, 'status'> }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOURS[batch.status]}
      variant="light"
      tt="none"
      c="dark.7"
      data-testid="batch-status"
      data-status={batch.status}
    >
      {t(`watchlistBatches.status.${batch.status}`)}
    </Badge>
  );
}

/** Lines read out of lines in the file, as a bar and in words (announced as it moves). */
export function BatchProgress({ batch }: { batch: ScreeningBatch }) {
  const { t, i18n } = useTranslation();
  const value =
    batch.totalLines > 0 ? Math.round((batch.processedLines / batch.totalLines) * 100) : batch.status === 'done' ? 100 : 0;
  const n = (count: number) => formatNumber(count, i18n.language);
  return (
    <Stack gap={4}>
      <Progress
        value={value}
        color={batch.status === 'failed' ? 'red' : batch.status === 'done' ? 'green' : 'liaison'}
        aria-label={t('watchlistBatches.progress.label', { name: isolate(batch.fileName) })}
        data-testid="batch-progress"
        size="lg"
      />
      <Text size="sm" aria-live="polite" data-testid="batch-progress-text">
        {t('watchlistBatches.progress.lines', { processed: n(batch.processedLines), total: n(batch.totalLines) })}{' '}
        {t('watchlistBatches.progress.screened', { count: batch.screened })}{' '}
        {t('watchlistBatches.progress.hits', { count: batch.hits })}{' '}
        {t('watchlistBatches.progress.errors', { count: batch.errors.length })}
      </Text>
    </Stack>
  );
}
