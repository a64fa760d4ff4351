import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, formatParts } from '../../../app/format.js';
import { HomeCardFrame, type HomeCardItem } from '../../home/home-card-frame.js';
import { commitmentPath, commitmentsPath, waitingQuery } from './commitments-api.js';
import { OverdueTag } from './parts.js';

const SHOWN = 6;

/** A report's page (the review cycles' pages). */
const reportPath = (id: string) => `/followup/reports/${encodeURIComponent(id)}`;

/**
 * Home: what my organisation's follow-up waits for: actions overdue (oldest first), actions due in
 * the next 30 days (soonest first) and the reports of open review cycles to submit or correct.
 */
export default function FollowupHomeCard() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const waiting = useQuery(waitingQuery);
  const data = waiting.data;
  const due = (dueOn: string) => (
    <Text size="sm" c="dimmed" component="time" dateTime={dueOn}>
      {t('followupCommitments.home.due', { date: formatDate(dueOn, language) })}
    </Text>
  );
  const items: HomeCardItem[] = [
    ...(data?.overdue.items ?? []).map((action) => ({
      key: `overdue-${action.id}`,
      to: commitmentPath(action.commitment.id),
      label: action.title,
      detail: (
        <>
          <OverdueTag />
          {due(action.dueOn)}
        </>
      ),
    })),
    ...(data?.dueSoon.items ?? []).map((action) => ({
      key: `soon-${action.id}`,
      to: commitmentPath(action.commitment.id),
      label: action.title,
      detail: due(action.dueOn),
    })),
    ...(data?.reportsToSubmit ?? []).map((report) => ({
      key: `report-${report.reportId}`,
      to: reportPath(report.reportId),
      label: t('followupCommitments.home.report', { cycle: report.cycleTitle }),
      detail: due(report.deadline),
    })),
  ].slice(0, SHOWN);
  return (
    <HomeCardFrame
      id="home-followup"
      title={t('followupCommitments.home.title')}
      summary={
        data
          ? formatParts(
              [
                t('followupCommitments.home.overdue', { count: data.overdue.total }),
                t('followupCommitments.home.dueSoon', { count: data.dueSoon.total }),
                t('followupCommitments.home.reports', { count: data.reportsToSubmit.length }),
              ],
              language,
            )
          : undefined
      }
      loading={waiting.isPending}
      failed={waiting.isError}
      items={items}
      more={{ to: commitmentsPath, search: { mine: true }, label: t('followupCommitments.home.all') }}
    />
  );
}
