import { Button, Collapse, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionList } from '../../../../shared/knowledge/review/contract.js';
import { api } from '../../../api/client.js';
import { ProblemAlert } from '../../../app/page.js';
import { RevisionEntry } from './item-history.js';
import { documentUrl } from './review-api.js';

/**
 * Changes to the document itself (publication, handling code, distribution), newest first. Item
 * changes are shown with each item; here they would drown the few document-level entries.
 */
export function DocumentHistory({ documentId, revision }: { documentId: string; revision: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ['knowledge', 'review', 'document-history', documentId, revision],
    queryFn: () => api.get<RevisionList>(documentUrl(documentId, '/history')),
    enabled: open,
  });
  const revisions = history.data?.revisions.filter((entry) => entry.itemId === null) ?? [];
  return (
    <section aria-labelledby="review-document-history">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h3" id="review-document-history">
          {t('review.history.documentTitle')}
        </Title>
        <Button
          size="xs"
          variant="subtle"
          aria-expanded={open}
          aria-controls="review-document-history-panel"
          onClick={() => setOpen((value) => !value)}
        >
          {open ? t('review.history.hide') : t('review.history.show')}
        </Button>
      </Stack>
      <Collapse expanded={open} id="review-document-history-panel">
        {history.error ? <ProblemAlert error={history.error} /> : null}
        {open && history.isPending ? <Loader size="sm" aria-label={t('knowledge.loading')} /> : null}
        {history.isSuccess && revisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('review.history.empty')}
          </Text>
        ) : null}
        {revisions.length ? (
          <ol className="review-revisions">
            {revisions.map((entry) => (
              <RevisionEntry key={entry.id} revision={entry} />
            ))}
          </ol>
        ) : null}
      </Collapse>
    </section>
  );
}
