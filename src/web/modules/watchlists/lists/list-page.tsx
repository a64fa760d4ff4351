import { Anchor, Button, Card, Group, Loader, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { Bidi } from '../../../app/bidi.js';
import { useCan } from '../../../app/capabilities.js';
import { Fields } from '../../../app/fields.js';
import { formatList } from '../../../app/format.js';
import { NotAllowedPage, NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { HandlingCodeBadge } from '../../exchange/messages/message-parts.js';
import '../../exchange/messages/messages.css';
import { ChangesTab } from '../entries/changes-tab.js';
import { EntriesTab } from '../entries/entries-tab.js';
import { ArchiveListDialog, EditListDialog } from './list-dialogs.js';
import { DueBadge, ListStatusBadge } from './list-parts.js';
import { type WatchlistDetail, watchlistQuery } from './lists-api.js';

function Overview({ detail }: { detail: WatchlistDetail }) {
  const { t, i18n } = useTranslation();
  const { distribution } = detail;
  const recipients = [
    ...(distribution.allPartners ? [t('watchlistLists.distribution.allPartners')] : []),
    ...distribution.sharingGroups.map((group) => group.name),
    ...distribution.organisations.map((organisation) => organisation.name),
    ...distribution.units.map((unit) => unit.name),
  ];
  return (
    <Fields
      items={[
        [
          t('watchlistLists.fields.ownerUnit'),
          <Bidi key="owner">{`${detail.ownerUnit.name} · ${detail.ownerUnit.organisationName}`}</Bidi>,
        ],
        [
          t('watchlistLists.fields.purpose'),
          <span key="purpose" dir="auto">
            {detail.purpose}
          </span>,
        ],
        [
          t('watchlistLists.fields.legalBasis'),
          <span key="basis" dir="auto">
            {detail.legalBasis}
          </span>,
        ],
        [t('watchlistLists.fields.handlingCode'), <HandlingCodeBadge key="code" code={detail.handlingCode} />],
        [t('watchlistLists.fields.distribution'), <Bidi key="distribution">{formatList(recipients, i18n.language)}</Bidi>],
        [
          t('watchlistLists.fields.reviewPeriodDays'),
          t('watchlistLists.detail.reviewPeriod', { count: detail.reviewPeriodDays, grace: detail.graceDays }),
        ],
        [
          t('watchlistLists.fields.activeEntries'),
          <Group key="entries" gap={6}>
            {t('watchlistLists.detail.entries', { count: detail.activeEntries })}
            <DueBadge count={detail.dueForReview} />
          </Group>,
        ],
        [t('watchlistLists.fields.status'), <ListStatusBadge key="status" status={detail.status} />],
      ]}
    />
  );
}

/** One watch-list: what it is for and who sees it; its entries and its change feed behind a stated purpose. */
export function WatchlistPage() {
  const { t } = useTranslation();
  const mayRead = useCan('watchlist.read');
  const { listId } = useParams({ from: '/signed-in/watchlists/$listId' });
  const query = useQuery({ ...watchlistQuery(listId), enabled: mayRead });
  const [dialog, setDialog] = useState<'edit' | 'archive' | null>(null);
  if (!mayRead) return <NotAllowedPage />;
  if (isApiError(query.error, 404)) return <NotFoundPage />;
  const detail = query.data;
  if (!detail) return query.error ? <ProblemAlert error={query.error} /> : <Loader aria-label={t('watchlistLists.loading')} />;
  const changeable = detail.permissions.edit && detail.status === 'active';
  return (
    <Stack>
      <Anchor component={Link} to="/watchlists" size="sm">
        {t('watchlistLists.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{detail.name}</PageTitle>
        {changeable ? (
          <Group>
            <Button variant="default" onClick={() => setDialog('edit')}>
              {t('watchlistLists.edit.open')}
            </Button>
            <Button variant="default" color="red" onClick={() => setDialog('archive')}>
              {t('watchlistLists.archive.open')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Card withBorder padding="lg" component="section" aria-label={t('watchlistLists.detail.overview')}>
        <Overview detail={detail} />
      </Card>
      <Tabs defaultValue="entries" keepMounted={false}>
        <Tabs.List aria-label={t('watchlistLists.detail.views')}>
          <Tabs.Tab value="entries">{t('watchlistLists.detail.entriesTab')}</Tabs.Tab>
          <Tabs.Tab value="changes">{t('watchlistLists.detail.changesTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries" pt="md">
          <EntriesTab detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="changes" pt="md">
          <ChangesTab detail={detail} />
        </Tabs.Panel>
      </Tabs>
      {dialog === 'edit' ? <EditListDialog detail={detail} onClose={() => setDialog(null)} /> : null}
      {dialog === 'archive' ? <ArchiveListDialog detail={detail} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}
