import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '../../../../shared/referral/vocabulary.js';
import { formatDateTime } from '../../../app/format.js';
import { countryName } from '../../../i18n/index.js';
import { type ReferralSummary, referralPath } from './referrals-api.js';

const STATUS_COLOURS: Record<ReferralStatus, string> = {
  sent: 'blue',
  accepted: 'teal',
  in_progress: 'cyan',
  declined: 'red',
  completed: 'green',
  closed: 'gray',
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light">
      {t(`referralReferrals.status.${status}`)}
    </Badge>
  );
}

/** "Overdue" and "sharing stopped", the two states a reader must not miss. */
export function ReferralFlags({ referral }: { referral: ReferralSummary }) {
  const { t } = useTranslation();
  return (
    <>
      {referral.overdue ? (
        <Badge color="red" variant="filled">
          {t('referralReferrals.overdue')}
        </Badge>
      ) : null}
      {referral.sharingStoppedAt ? (
        <Badge color="orange" variant="outline">
          {t('referralReferrals.sharingStopped')}
        </Badge>
      ) : null}
    </>
  );
}

/** The other party: the provider (and its unit) or the partner unit abroad, as the viewer's side sees it. */
export function useCounterpart() {
  const { t, i18n } = useTranslation();
  return (referral: ReferralSummary): string => {
    if (referral.side === 'receiving') return `${referral.fromUnit.name} · ${referral.fromUnit.organisationName}`;
    if (referral.provider) return referral.provider.name;
    if (referral.toUnit) {
      const country = referral.toUnit.country ? ` (${countryName(referral.toUnit.country, i18n.language)})` : '';
      return `${referral.toUnit.name} · ${referral.toUnit.organisationName}${country}`;
    }
    return t('referralReferrals.unknownParty');
  };
}

export function ReferralTable({ referrals, labelledBy }: { referrals: ReferralSummary[]; labelledBy: string }) {
  const { t, i18n } = useTranslation();
  const counterpart = useCounterpart();
  return (
    <Table striped aria-labelledby={labelledBy}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('referralReferrals.column.case')}</Table.Th>
          <Table.Th scope="col">{t('referralReferrals.column.party')}</Table.Th>
          <Table.Th scope="col">{t('referralReferrals.column.needs')}</Table.Th>
          <Table.Th scope="col">{t('referralReferrals.column.urgency')}</Table.Th>
          <Table.Th scope="col">{t('referralReferrals.column.status')}</Table.Th>
          <Table.Th scope="col">{t('referralReferrals.column.respondBy')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {referrals.map((referral) => (
          <Table.Tr key={referral.id}>
            <Table.Td>
              <Anchor component={Link} to={referralPath(referral.id)} fw={600}>
                <bdi>{referral.case.reference}</bdi>
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`referralReferrals.kind.${referral.kind}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <bdi>{counterpart(referral)}</bdi>
            </Table.Td>
            <Table.Td>{referral.needs.map((need) => t(`referralReferrals.need.${need}`)).join(', ')}</Table.Td>
            <Table.Td>{t(`referralReferrals.urgency.${referral.urgency}`)}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <ReferralStatusBadge status={referral.status} />
                <ReferralFlags referral={referral} />
              </Group>
            </Table.Td>
            <Table.Td>
              <time dateTime={referral.respondBy}>{formatDateTime(referral.respondBy, i18n.language)}</time>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
