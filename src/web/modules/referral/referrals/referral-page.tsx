import { Alert, Anchor, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { formatDateTime } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { ReferralActions } from './referral-actions.js';
import { ReferralFlags, ReferralStatusBadge, useCounterpart } from './referral-parts.js';
import { type ReferralDetail, referralQuery } from './referrals-api.js';

function Facts({ referral }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  const counterpart = useCounterpart();
  const rows: [string, ReactNode][] = [
    [t('referralReferrals.page.kind'), t(`referralReferrals.kind.${referral.kind}`)],
    [
      referral.side === 'receiving' ? t('referralReferrals.page.from') : t('referralReferrals.page.to'),
      <bdi key="party">{counterpart(referral)}</bdi>,
    ],
    [t('referralReferrals.page.needs'), referral.needs.map((need) => t(`referralReferrals.need.${need}`)).join(', ')],
    [t('referralReferrals.page.urgency'), t(`referralReferrals.urgency.${referral.urgency}`)],
    [
      t('referralReferrals.page.respondBy'),
      <time key="respond" dateTime={referral.respondBy}>
        {formatDateTime(referral.respondBy, i18n.language)}
      </time>,
    ],
    [
      t('referralReferrals.page.sharedFields'),
      referral.sharedFields.length === 0
        ? t('referralReferrals.page.noFields')
        : referral.sharedFields.map((field) => t(`referralReferrals.field.${field}`)).join(', '),
    ],
  ];
  if (referral.outcome) rows.push([t('referralReferrals.page.outcome'), t(`referralReferrals.outcome.${referral.outcome}`)]);
  if (referral.outcomeNote) rows.push([t('referralReferrals.page.outcomeNote'), <bdi key="note">{referral.outcomeNote}</bdi>]);
  if (referral.declineReason)
    rows.push([t('referralReferrals.page.declineReason'), <bdi key="reason">{referral.declineReason}</bdi>]);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="xs">
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function History({ referral }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="referral-history-heading">
      <Title order={2} size="h4" id="referral-history-heading" mb="xs">
        {t('referralReferrals.page.history')}
      </Title>
      <List spacing="xs">
        {referral.events.map((event) => (
          <List.Item key={`${event.at}:${event.toStatus}:${event.fromStatus ?? ''}`}>
            <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
            {' · '}
            {event.fromStatus === event.toStatus
              ? t('referralReferrals.page.sharingStoppedEvent')
              : t(`referralReferrals.status.${event.toStatus}`)}
            {event.actorName ? (
              <>
                {' · '}
                <bdi>{event.actorName}</bdi>
              </>
            ) : null}
            {event.reason && event.fromStatus !== event.toStatus ? (
              <Text size="sm" dir="auto">
                {event.reason}
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </section>
  );
}

/** One referral as either side sees it: its facts, status, history, and the moves this viewer may make. */
export function ReferralPage() {
  const { t } = useTranslation();
  const { referralId } = useParams({ from: '/signed-in/referrals/$referralId' });
  const query = useQuery(referralQuery(referralId));
  if (query.isPending) return <Loader role="status" aria-label={t('referralReferrals.loading')} />;
  if (isApiError(query.error, 404)) return <NotFoundPage />;
  if (!query.data) return <ProblemAlert error={query.error} />;
  const referral = query.data;
  return (
    <Stack maw={960}>
      <PageTitle>{t('referralReferrals.page.title', { reference: referral.case.reference })}</PageTitle>
      <Group gap="xs">
        <ReferralStatusBadge status={referral.status} />
        <ReferralFlags referral={referral} />
        <Anchor component={Link} to={`/cases/${referral.case.id}`}>
          {t('referralReferrals.page.openCase', { reference: referral.case.reference })}
        </Anchor>
      </Group>
      {referral.sharingStoppedAt ? (
        <Alert color="orange" variant="light" title={t('referralReferrals.sharingStopped')}>
          {t('referralReferrals.page.sharingStoppedBody')}
        </Alert>
      ) : null}
      <Card withBorder padding="md">
        <Facts referral={referral} />
      </Card>
      <ReferralActions referral={referral} />
      <History referral={referral} />
    </Stack>
  );
}
