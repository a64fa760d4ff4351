import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../app/bidi.js';
import { formatDate, formatDateTime, formatParts } from '../../../app/format.js';
import { HomeCardFrame, type HomeCardItem } from '../../home/home-card-frame.js';
import { referralBoxQuery, referralPath } from '../referrals/referrals-api.js';
import { casePath, casesPath, openCasesQuery } from './cases-api.js';
import { OverdueTag } from './parts.js';

const SHOWN = 6;

/**
 * Home: referrals sent to my units still waiting for our answer (overdue first, then by deadline),
 * then the open cases of my units (a supervisor: of my organisation), most recently changed first.
 */
export default function CasesHomeCard() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const waiting = useQuery(referralBoxQuery('incoming', 'sent'));
  const open = useQuery(openCasesQuery);
  const referrals = [...(waiting.data?.items ?? [])].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.respondBy.localeCompare(b.respondBy),
  );
  const items: HomeCardItem[] = [
    ...referrals.map((referral) => ({
      key: `referral-${referral.id}`,
      to: referralPath(referral.id),
      label: t('referralCases.home.referral', { reference: isolate(referral.case.reference) }),
      detail: (
        <>
          {referral.overdue ? <OverdueTag /> : null}
          <Text size="sm" c="dimmed" component="time" dateTime={referral.respondBy}>
            {t('referralCases.home.answerBy', { date: formatDateTime(referral.respondBy, language) })}
          </Text>
        </>
      ),
    })),
    ...(open.data?.items ?? []).map((item) => ({
      key: `case-${item.id}`,
      to: casePath(item.id),
      label: t('referralCases.home.case', {
        reference: isolate(item.reference),
        type: t(`referralCases.caseType.${item.caseType}`),
      }),
      detail: (
        <Text size="sm" c="dimmed" component="time" dateTime={item.updatedAt}>
          {t('referralCases.home.updated', { date: formatDate(item.updatedAt, language) })}
        </Text>
      ),
    })),
  ].slice(0, SHOWN);
  const overdue = referrals.filter((referral) => referral.overdue).length;
  return (
    <HomeCardFrame
      id="home-cases"
      title={t('referralCases.home.title')}
      summary={
        waiting.data
          ? formatParts(
              [
                t('referralCases.home.waiting', { count: referrals.length }),
                overdue ? t('referralCases.home.overdue', { count: overdue }) : null,
              ],
              language,
            )
          : undefined
      }
      loading={waiting.isPending || open.isPending}
      failed={waiting.isError && open.isError}
      items={items}
      more={{ to: casesPath, search: { status: 'open' }, label: t('referralCases.home.all') }}
    />
  );
}
