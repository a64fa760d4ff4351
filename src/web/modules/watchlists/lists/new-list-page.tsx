import { Button, Card, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../../api/session.js';
import { useCan } from '../../../app/capabilities.js';
import { UnitSelect, useCreateAndOpen } from '../../../app/create-form.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { emptyDraft, inputOf, type ListDraft, ListFields, listErrors } from './list-fields.js';
import { createWatchlist, refreshWatchlists, watchlistPath } from './lists-api.js';

function NewListForm() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const units = me?.units ?? [];
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [draft, setDraft] = useState<ListDraft>(emptyDraft);
  const errors = listErrors(draft, t);
  const { create, submit, tried } = useCreateAndOpen({
    create: () => createWatchlist({ ...inputOf(draft), ...(unitId ? { unitId } : {}) }),
    errors,
    refresh: refreshWatchlists,
    pathOf: watchlistPath,
  });
  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate maw={900}>
      <Stack>
        <UnitSelect
          units={units}
          value={unitId}
          onChange={setUnitId}
          label={t('watchlistLists.fields.ownerUnit')}
          description={t('watchlistLists.form.unitHint')}
        />
        <ListFields value={draft} onChange={setDraft} errors={tried ? errors : {}} />
        <ProblemAlert error={create.error} title={t('watchlistLists.form.refused')} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('watchlistLists.form.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A new watch-list: its purpose and legal basis, review period, handling code and distribution. */
export function NewWatchlistPage() {
  const { t } = useTranslation();
  const mayCreate = useCan('watchlist.create');
  if (!mayCreate) return <NotAllowedPage />;
  return (
    <Stack>
      <PageTitle description={t('watchlistLists.form.intro')}>{t('watchlistLists.form.pageTitle')}</PageTitle>
      <NewListForm />
    </Stack>
  );
}
