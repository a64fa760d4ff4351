import { Button, Group, Loader, Select, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../../shared/referral/vocabulary.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { ReferralTable } from './referral-parts.js';
import { referralBoxPagesQuery } from './referrals-api.js';
import type { ReferralSearch } from './referrals-search.js';

/** The unit's referrals: those it must answer (incoming) and those it sent (outgoing), soonest answer first. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/referrals' });
  const navigate = useNavigate({ from: '/referrals' });
  const box = search.box ?? 'incoming';
  const list = useInfiniteQuery({ ...referralBoxPagesQuery(box, search.status), placeholderData: keepPreviousData });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const update = (next: ReferralSearch) => navigate({ search: next, replace: true });
  const overdue = items.filter((item) => item.overdue).length;

  return (
    <Stack>
      <PageTitle description={t('referralReferrals.inbox.description')}>{t('referralReferrals.inbox.title')}</PageTitle>
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <Tabs
          value={box}
          onChange={(value) => update({ ...(value === 'outgoing' ? { box: 'outgoing' } : {}), status: search.status })}
        >
          <Tabs.List aria-label={t('referralReferrals.inbox.boxes')}>
            <Tabs.Tab value="incoming">{t('referralReferrals.inbox.incoming')}</Tabs.Tab>
            <Tabs.Tab value="outgoing">{t('referralReferrals.inbox.outgoing')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Select
          label={t('referralReferrals.inbox.status')}
          data={[
            { value: '', label: t('referralReferrals.inbox.anyStatus') },
            ...REFERRAL_STATUSES.map((value) => ({ value, label: t(`referralReferrals.status.${value}`) })),
          ]}
          value={search.status ?? ''}
          onChange={(value) => update({ box: search.box, ...(value ? { status: value as ReferralStatus } : {}) })}
          allowDeselect={false}
        />
      </Group>
      <Group gap="xs">
        {list.isFetching ? <Loader size="xs" role="status" aria-label={t('referralReferrals.loading')} /> : null}
        <Text size="sm" role="status">
          {list.data
            ? [
                t(list.hasNextPage ? 'referralReferrals.inbox.countMore' : 'referralReferrals.inbox.count', {
                  count: items.length,
                }),
                overdue > 0 ? t('referralReferrals.inbox.overdueCount', { count: overdue }) : '',
              ]
                .filter(Boolean)
                .join(' · ')
            : ''}
        </Text>
      </Group>
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 ? <Text c="dimmed">{t('referralReferrals.inbox.empty')}</Text> : null}
      {items.length > 0 ? (
        <section aria-labelledby="referral-box-heading">
          <VisuallyHidden component="h2" id="referral-box-heading">
            {box === 'incoming' ? t('referralReferrals.inbox.incoming') : t('referralReferrals.inbox.outgoing')}
          </VisuallyHidden>
          <ReferralTable referrals={items} labelledBy="referral-box-heading" />
        </section>
      ) : null}
      {list.hasNextPage ? (
        <Group>
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('referralReferrals.inbox.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
