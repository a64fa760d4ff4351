import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { queryClient } from '../../../api/session.js';
import { isolate } from '../../../app/bidi.js';
import { Fields } from '../../../app/fields.js';
import { formatDate, formatDateTime } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { isProblem } from '../../exchange/problems.js';
import { ChangeProblem, ProgressTag } from './cycle-parts.js';
import {
  acceptReport,
  commitmentPath,
  cycleKeys,
  cyclePath,
  type ReportDetail,
  refreshCycles,
  reportQuery,
  returnReport,
} from './cycles-api.js';
import { CommentForm, Comments, History } from './report-discussion.js';
import { ReportForm } from './report-form.js';

/** The report as submitted: what reviewers and the secretariat read (nobody but the partner edits it). */
function ReportText({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <section aria-labelledby="entries-heading">
        <Title order={2} size="h4" id="entries-heading" mb="xs">
          {t('followupCycles.report.entries', { count: report.entries.length })}
        </Title>
        <Stack gap="sm">
          {report.entries.map((entry) => (
            <Card key={entry.commitment.id} withBorder padding="sm">
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to={commitmentPath(entry.commitment.id)} fw={600}>
                  <bdi>{entry.commitment.title}</bdi>
                </Anchor>
                <Text size="sm" fw={600}>
                  {entry.assessment ? t(`followupCycles.assessment.${entry.assessment}`) : t('followupCycles.report.notAssessed')}
                </Text>
              </Group>
              <Text size="sm" dir="auto" className="cycle-returned" mt={4}>
                {entry.progress || t('followupCycles.report.noProgress')}
              </Text>
            </Card>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="summary-heading">
        <Title order={2} size="h4" id="summary-heading" mb="xs">
          {t('followupCycles.report.summary')}
        </Title>
        {report.summaryHtml ? (
          // Rendered and sanitised by the server (no scripts, no event attributes): safe to insert.
          <div className="markdown-body" dir="auto" dangerouslySetInnerHTML={{ __html: report.summaryHtml }} />
        ) : (
          <Text c="dimmed">{t('followupCycles.report.noSummary')}</Text>
        )}
      </section>
    </Stack>
  );
}

/** The secretariat accepts a submitted report, or returns it with a reason; it never rewrites it. */
function Decision({ report, onReload }: { report: ReportDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const decided = async (updated: ReportDetail) => {
    queryClient.setQueryData(cycleKeys.report(report.id), updated);
    await refreshCycles();
  };
  const accept = useMutation({ mutationFn: () => acceptReport(report.id, report.revision), onSuccess: decided });
  const sendBack = useMutation({ mutationFn: () => returnReport(report.id, report.revision, reason.trim()), onSuccess: decided });
  return (
    <Card withBorder padding="md" maw={720} component="section" aria-labelledby="decision-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="decision-heading">
          {t('followupCycles.decision.title')}
        </Title>
        <Group>
          <Button color="green" loading={accept.isPending} disabled={sendBack.isPending} onClick={() => accept.mutate()}>
            {t('followupCycles.decision.accept')}
          </Button>
        </Group>
        <Textarea
          label={t('followupCycles.decision.reason')}
          description={t('followupCycles.decision.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          dir="auto"
          error={tried && !reason.trim() ? t('followupCycles.decision.reasonMissing') : null}
        />
        <Group>
          <Button
            variant="outline"
            color="orange"
            loading={sendBack.isPending}
            disabled={accept.isPending}
            onClick={() => {
              setTried(true);
              if (reason.trim()) sendBack.mutate();
            }}
          >
            {t('followupCycles.decision.return')}
          </Button>
        </Group>
        <ChangeProblem error={accept.error ?? sendBack.error} title={t('followupCycles.decision.refused')} onReload={onReload} />
      </Stack>
    </Card>
  );
}

/** A partner's report in a review cycle: written by the partner, decided by the secretariat, discussed by peers. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { reportId } = useParams({ from: '/signed-in/followup/reports/$reportId' });
  const report = useQuery(reportQuery(reportId));
  // Bumped on a reload after a conflict: the form starts again from the server's version.
  const [reloads, setReloads] = useState(0);
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: cycleKeys.report(reportId) }).then(() => setReloads((count) => count + 1));
  };

  // Not there and not a party to it look the same: nothing leaks about other partners' reports.
  if (isProblem(report.error, PLATFORM_PROBLEMS, 'not-found') || isProblem(report.error, PLATFORM_PROBLEMS, 'validation')) {
    return <NotFoundPage />;
  }
  if (report.isPending) return <Loader role="status" aria-label={t('followupCycles.loading')} />;
  if (!report.data) return <ProblemAlert error={report.error} />;
  const detail = report.data;
  const returned = detail.status === 'returned' && detail.returnedReason;

  return (
    <Stack>
      <Anchor component={Link} to={cyclePath(detail.cycle.id)} size="sm">
        {t('followupCycles.report.back', { cycle: isolate(detail.cycle.title) })}
      </Anchor>
      <PageTitle>{t('followupCycles.report.pageTitle', { organisation: isolate(detail.organisation.name) })}</PageTitle>
      <Group gap="xs">
        <ProgressTag progress={detail.progress} />
      </Group>
      {returned ? (
        <Alert color="orange" variant="filled" title={t('followupCycles.report.returnedTitle')} role="alert">
          <Text size="sm" dir="auto" className="cycle-returned">
            {detail.returnedReason}
          </Text>
        </Alert>
      ) : null}
      <Card withBorder padding="md">
        <Fields
          items={[
            [t('followupCycles.report.cycle'), <bdi key="c">{detail.cycle.title}</bdi>],
            [t('followupCycles.detail.deadline'), formatDate(detail.cycle.deadline, i18n.language)],
            ...(detail.submittedAt
              ? [[t('followupCycles.detail.submittedAt'), formatDateTime(detail.submittedAt, i18n.language)] as [string, string]]
              : []),
            ...(detail.decidedAt
              ? [[t('followupCycles.report.decidedAt'), formatDateTime(detail.decidedAt, i18n.language)] as [string, string]]
              : []),
          ]}
        />
      </Card>
      {detail.permissions.edit ? <ReportForm key={reloads} report={detail} onReload={reload} /> : <ReportText report={detail} />}
      {detail.permissions.decide && detail.status === 'submitted' ? <Decision report={detail} onReload={reload} /> : null}
      <Comments comments={detail.comments.map((comment) => ({ comment }))} />
      {detail.permissions.comment ? <CommentForm report={detail} /> : null}
      <History report={detail} />
    </Stack>
  );
}
