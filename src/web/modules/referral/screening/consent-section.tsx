import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_LIMITS } from '../../../../shared/referral/vocabulary.js';
import { Bidi, FREE_TEXT, isolate } from '../../../app/bidi.js';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { formatDate } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { BestInterestsSection } from './best-interests.js';
import { ConsentForm } from './consent-form.js';
import { type Consent, consentsQuery, refreshCase, withdrawConsent } from './screening-api.js';
import { useLabels } from './screening-parts.js';

/**
 * The case page's consent: what the person agreed to (withdrawn consents stay, marked so), a form to
 * record one and a dialog to withdraw one. A child's case shows its best-interests steps instead.
 */
export function ConsentSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const list = useQuery(consentsQuery(caseId));
  if (list.data?.caseIsChild) return <BestInterestsSection caseId={caseId} />;
  const items = list.data?.items ?? [];
  const canEdit = list.data?.permissions.edit ?? false;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="consent-heading" data-testid="consent-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="consent-heading">
            {t('referralScreening.consent.title')}
          </Title>
          {canEdit && !adding ? (
            <Button variant="light" onClick={() => setAdding(true)}>
              {t('referralScreening.consent.record')}
            </Button>
          ) : null}
        </Group>
        {list.isPending ? <Text c="dimmed">{t('referralScreening.loading')}</Text> : null}
        <ProblemAlert error={list.error} />
        {adding ? <ConsentForm caseId={caseId} onDone={() => setAdding(false)} /> : null}
        {list.data && items.length === 0 ? <Text c="dimmed">{t('referralScreening.consent.none')}</Text> : null}
        {items.length > 0 ? <ConsentTable consents={items} canEdit={canEdit} onWithdraw={setWithdrawing} /> : null}
      </Stack>
      {withdrawing ? <WithdrawDialog consent={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </Card>
  );
}

function ConsentTable(props: { consents: Consent[]; canEdit: boolean; onWithdraw: (consent: Consent) => void }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-labelledby="consent-heading" striped data-testid="consent-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('referralScreening.consent.scopeLabel')}</Table.Th>
            <Table.Th scope="col">{t('referralScreening.consent.to')}</Table.Th>
            <Table.Th scope="col">{t('referralScreening.consent.fields')}</Table.Th>
            <Table.Th scope="col">{t('referralScreening.consent.givenAt')}</Table.Th>
            <Table.Th scope="col">{t('referralScreening.consent.status')}</Table.Th>
            {props.canEdit ? <Table.Th scope="col">{t('referralScreening.consent.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.consents.map((consent) => (
            <Table.Tr key={consent.id}>
              <Table.Td>
                {t(`referralScreening.consent.scope.${consent.scope}`)}
                <Text size="xs" c="dimmed">
                  {t(`referralScreening.consent.how.${consent.recordedHow}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Bidi>{consent.provider?.name ?? consent.organisation?.name ?? '—'}</Bidi>
              </Table.Td>
              <Table.Td>{labels('consent.field', consent.fields)}</Table.Td>
              <Table.Td>
                <time dateTime={consent.givenAt}>{formatDate(consent.givenAt, i18n.language)}</time>
              </Table.Td>
              <Table.Td>
                <Badge color={consent.status === 'active' ? 'teal' : 'gray'} variant="light">
                  {t(`referralScreening.consent.state.${consent.status}`)}
                </Badge>
                {consent.status === 'withdrawn' ? (
                  <Text size="xs" c="dimmed">
                    {t('referralScreening.consent.withdrawnOn', {
                      date: formatDate(consent.withdrawnAt, i18n.language),
                      name: isolate(consent.withdrawnBy?.name),
                      reason: isolate(consent.withdrawalReason),
                    })}
                  </Text>
                ) : null}
              </Table.Td>
              {props.canEdit ? (
                <Table.Td>
                  {consent.status === 'active' ? (
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      onClick={() => props.onWithdraw(consent)}
                      aria-label={`${t('referralScreening.consent.withdraw')}: ${t(`referralScreening.consent.scope.${consent.scope}`)}, ${consent.provider?.name ?? consent.organisation?.name ?? ''}`}
                    >
                      {t('referralScreening.consent.withdraw')}
                    </Button>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WithdrawDialog({ consent, onClose }: { consent: Consent; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () => withdrawConsent(consent.id, reason.trim()),
    onSuccess: async () => {
      await refreshCase();
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened
      title={t('referralScreening.consent.withdrawTitle')}
      message={t('referralScreening.consent.withdrawMessage')}
      confirmLabel={t('referralScreening.consent.withdraw')}
      busy={withdraw.isPending}
      error={withdraw.error}
      onConfirm={() => withdraw.mutate()}
      onClose={onClose}
      canConfirm={reason.trim().length >= 3}
    >
      <Textarea
        label={t('referralScreening.consent.reason')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={REFERRAL_LIMITS.reason}
        required
        autosize
        minRows={2}
        data-autofocus
        {...FREE_TEXT}
      />
    </ConfirmDialog>
  );
}
