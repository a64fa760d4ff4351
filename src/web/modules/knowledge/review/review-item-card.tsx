import { Anchor, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../../app/format.js';
import { documentPath } from '../knowledge.js';
import { Tags, TypeBadge } from '../parts.js';
import { ItemEditForm } from './item-edit-form.js';
import { ItemHistory } from './item-history.js';
import type { ReviewItem } from './review-api.js';
import { ReviewProblem } from './review-problem.js';
import { SplitForm } from './split-form.js';
import { StatusBadge } from './status-badge.js';
import { useItemChange } from './use-item-change.js';

type Mode = 'view' | 'edit' | 'split';

interface ReviewItemCardProps {
  item: ReviewItem;
  /** The next item that is not withdrawn, which "Merge with next" joins to this one. */
  next: ReviewItem | undefined;
  language: string | undefined;
  onReload: () => void;
  /** A discarded document's items are kept for history only: no change is offered. */
  readOnly?: boolean;
  /** The document is in the library: its place ("line 122") opens the document's text there. */
  linkPlace?: boolean;
}

/** One item under review: its text and tags, the changes a reviewer can make, and its history. */
export function ReviewItemCard({ item, next, language, onReload, readOnly = false, linkPlace = false }: ReviewItemCardProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('view');
  const [historyOpen, setHistoryOpen] = useState(false);
  const change = useItemChange(item);
  const withdrawn = item.status === 'withdrawn';
  const locked = withdrawn || readOnly;
  const headingId = `review-item-${item.id}`;
  const historyId = `review-history-${item.id}`;
  const view = () => setMode('view');
  const placeText =
    item.page != null ? t('knowledge.linePage', { line: item.line, page: item.page }) : t('knowledge.line', { line: item.line });

  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-labelledby={headingId}
      data-testid="review-item"
      className={withdrawn ? 'review-item-withdrawn' : undefined}
    >
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h6" id={headingId}>
              {t('review.itemHeading', { number: item.position + 1 })}
            </Title>
            <TypeBadge type={item.type} />
            <StatusBadge status={item.status} />
          </Group>
          {item.line != null ? (
            linkPlace ? (
              <Anchor component={Link} to={documentPath(item.documentId)} hash={`line-${item.line}`} size="xs">
                {placeText}
              </Anchor>
            ) : (
              <Text size="xs" c="dimmed">
                {placeText}
              </Text>
            )
          ) : null}
        </Group>
        {mode === 'edit' ? <ItemEditForm item={item} onDone={view} onReload={onReload} /> : null}
        {mode === 'split' ? <SplitForm item={item} onDone={view} onReload={onReload} /> : null}
        {mode === 'view' ? (
          <>
            <Text lang={language} dir="auto" data-testid="review-item-text" className="review-item-text">
              {item.text}
            </Text>
            <Tags countries={item.countries} themes={item.themes} organisations={item.organisations} />
            {item.references.length ? (
              <Text size="xs" c="dimmed">
                {t('review.referencesList', { references: formatList(item.references.map((reference) => reference.id)) })}
              </Text>
            ) : null}
            <ReviewProblem error={change.error} onReload={onReload} />
            <Group gap="xs">
              {locked ? null : (
                <>
                  <Button size="xs" variant="light" onClick={() => setMode('edit')}>
                    {t('common.edit')}
                  </Button>
                  <Button size="xs" variant="light" onClick={() => setMode('split')}>
                    {t('review.split.open')}
                  </Button>
                  {next ? (
                    <Button
                      size="xs"
                      variant="light"
                      loading={change.isPending && change.variables?.kind === 'mergeWithNext'}
                      onClick={() => change.mutate({ kind: 'mergeWithNext', next })}
                    >
                      {t('review.mergeWithNext')}
                    </Button>
                  ) : null}
                </>
              )}
              {item.status === 'published' || readOnly ? null : (
                <Button size="xs" variant="light" color="green" onClick={() => change.mutate({ kind: 'publish' })}>
                  {t('review.publishItem')}
                </Button>
              )}
              {locked ? null : (
                <Button size="xs" variant="light" color="gray" onClick={() => change.mutate({ kind: 'withdraw' })}>
                  {t('review.withdrawItem')}
                </Button>
              )}
              <Button
                size="xs"
                variant="subtle"
                aria-expanded={historyOpen}
                aria-controls={historyId}
                onClick={() => setHistoryOpen((open) => !open)}
              >
                {historyOpen ? t('review.history.hide') : t('review.history.show')}
              </Button>
            </Group>
          </>
        ) : null}
        <Collapse expanded={historyOpen} id={historyId}>
          {historyOpen ? <ItemHistory itemId={item.id} /> : null}
        </Collapse>
      </Stack>
    </Card>
  );
}
