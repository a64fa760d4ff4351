import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { api, isApiError, isProblem } from '../../../api/client.js';
import { meQuery, queryClient } from '../../../api/session.js';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { NotAllowedPage, NotFoundPage, ProblemAlert, usePageTitle } from '../../../app/page.js';
import { documentPath, formatDates, htmlLang } from '../knowledge.js';
import { AboutCard, HandlingBadge, LoadingLine } from '../parts.js';
import { DiscardedNotice, DraftActions } from './document-actions.js';
import { DocumentHistory } from './document-history.js';
import { documentQuery, documentUrl, isCurator, type ReviewDocument, reviewKeys } from './review-api.js';
import { ReviewItemCard } from './review-item-card.js';
import { SharingEditor } from './sharing-editor.js';
import { StatusBadge } from './status-badge.js';
import '../knowledge.css';
import './review.css';

/** One document under review: its header, handling code and distribution, publication, and every item. */
export function ReviewDocumentPage() {
  const { t, i18n } = useTranslation();
  const { documentId } = useParams({ strict: false }) as { documentId: string };
  const { data: me } = useQuery(meQuery);
  const answer = useQuery({ ...documentQuery(documentId), enabled: isCurator(me) });
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation({
    mutationFn: (doc: ReviewDocument) => api.post<ReviewDocument>(documentUrl(doc.id, '/publish'), { revision: doc.revision }),
    onSuccess: (saved) => {
      queryClient.setQueryData(reviewKeys.document(documentId), saved);
      void queryClient.invalidateQueries({ queryKey: ['knowledge'] });
      setConfirming(false);
    },
  });
  const doc = answer.data;
  usePageTitle(doc ? t('review.documentPageTitle', { title: doc.title }) : t('review.listTitle'));
  const reload = () => void answer.refetch();

  if (!isCurator(me) || isApiError(answer.error, 403)) return <NotAllowedPage />;
  if (isApiError(answer.error, 404) || isProblem(answer.error, PLATFORM_PROBLEMS, 'validation')) return <NotFoundPage />;
  if (answer.error) return <ProblemAlert error={answer.error} />;
  if (!doc) {
    return <LoadingLine />;
  }

  const language = htmlLang(doc.language);
  const active = doc.items.filter((item) => item.status !== 'withdrawn');
  const nextOf = (id: string) => active[active.findIndex((item) => item.id === id) + 1];
  const canPublish = doc.status === 'draft' || (doc.status === 'published' && doc.counts.draft > 0);

  return (
    <Stack>
      <Anchor component={Link} to="/library/review" size="sm">
        {t('review.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2" lang={language} dir="auto">
          <bdi>{doc.title}</bdi>
        </Title>
        <StatusBadge status={doc.status} />
      </Group>
      <DiscardedNotice document={doc} />
      <AboutCard
        id="review-about"
        items={[
          [t('knowledge.process'), t(`knowledge.processes.${doc.process}`, { defaultValue: doc.process })],
          [t('knowledge.dates'), formatDates(doc.dates, i18n.language)],
          [t('review.file'), `${doc.fileName}${doc.version > 1 ? ` · ${t('review.version', { version: doc.version })}` : ''}`],
          [t('review.originator'), doc.originator.name],
          [t('knowledge.handling'), <HandlingBadge key="handling" code={doc.handlingCode} />],
          [
            t('review.itemsColumn'),
            t('review.counts', { draft: doc.counts.draft, published: doc.counts.published, withdrawn: doc.counts.withdrawn }),
          ],
          [
            t('review.publication'),
            doc.publishedAt
              ? t('review.publishedBy', {
                  when: formatDates([doc.publishedAt], i18n.language),
                  name: doc.publishedBy?.displayName ?? '—',
                })
              : t('review.notPublished'),
          ],
        ]}
      >
        <Group mt="md">
          {canPublish ? (
            <Button color="green" onClick={() => setConfirming(true)}>
              {doc.status === 'draft' ? t('review.publish') : t('review.publishDrafts')}
            </Button>
          ) : null}
          <DraftActions document={doc} />
          {doc.status === 'published' ? (
            <Anchor component={Link} to={documentPath(doc.id)}>
              {t('review.openInLibrary')}
            </Anchor>
          ) : null}
        </Group>
      </AboutCard>
      {doc.status === 'discarded' ? null : <SharingEditor key={doc.id} document={doc} onReload={reload} />}
      <section aria-labelledby="review-items">
        <Title order={2} size="h3" id="review-items" mb="sm">
          {t('knowledge.items')}
        </Title>
        {doc.items.length === 0 ? <Text c="dimmed">{t('knowledge.noItems')}</Text> : null}
        <ol className="review-item-list" data-testid="review-items">
          {doc.items.map((item) => (
            <li key={item.id}>
              <ReviewItemCard
                item={item}
                next={item.status === 'withdrawn' ? undefined : nextOf(item.id)}
                language={language}
                onReload={reload}
                readOnly={doc.status === 'discarded'}
                linkPlace={doc.status === 'published'}
              />
            </li>
          ))}
        </ol>
      </section>
      <DocumentHistory documentId={doc.id} revision={doc.revision} />
      <ConfirmDialog
        opened={confirming}
        title={t('review.publishTitle')}
        message={t('review.publishConfirm', { count: doc.counts.draft, title: doc.title })}
        confirmLabel={t('review.publish')}
        busy={publish.isPending}
        error={publish.error}
        onConfirm={() => publish.mutate(doc)}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
