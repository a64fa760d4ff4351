import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/capabilities.js';
import { ProblemAlert } from '../../../app/page.js';
import { ReferForm } from './refer-form.js';
import { ReferralTable } from './referral-parts.js';
import { caseReferralsQuery } from './referrals-api.js';

/**
 * The case page's referrals: where the case was referred (or, on a received copy, where it came
 * from) and, for the owner unit's case workers, the form to refer it. Offering the form is a
 * courtesy: the server checks the case, the consent and the receiver.
 */
export function CaseReferralsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const canRefer = useCan('case.create');
  const list = useQuery(caseReferralsQuery(caseId));
  const [referring, setReferring] = useState(false);
  const headingId = `case-referrals-${caseId}`;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4" id={headingId}>
          {t('referralReferrals.section.title')}
        </Title>
        {canRefer && !referring ? (
          <Button onClick={() => setReferring(true)}>{t('referralReferrals.section.refer')}</Button>
        ) : null}
      </Group>
      {list.isPending ? <Loader size="sm" role="status" aria-label={t('referralReferrals.loading')} /> : null}
      <ProblemAlert error={list.error} />
      {list.data?.items.length === 0 ? <Text c="dimmed">{t('referralReferrals.section.none')}</Text> : null}
      {list.data && list.data.items.length > 0 ? <ReferralTable referrals={list.data.items} labelledBy={headingId} /> : null}
      {referring ? <ReferForm caseId={caseId} onDone={() => setReferring(false)} /> : null}
    </Stack>
  );
}
