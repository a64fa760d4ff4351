import { Alert, Anchor, Button, Card, Group, List, Loader, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { meQuery, queryClient } from '../../../api/session.js';
import { isolate } from '../../../app/bidi.js';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { Fields } from '../../../app/fields.js';
import { formatDate, formatDateTime, formatNumber } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { isProblem } from '../../exchange/problems.js';
import { ChangeProblem, CycleStatusTag, ProgressTag } from './cycle-parts.js';
import {
  type CycleDetail,
  closeCycle,
  commitmentPath,
  cycleKeys,
  cycleQuery,
  refreshCycles,
  reportPath,
  reportPdfLink,
} from './cycles-api.js';
import { Comments } from './report-discussion.js';

// ECharts loads only with a cycle's page, not with the list.
const ProgressChart = lazy(() => import('./progress-chart.js').then((module) => ({ default: module.ProgressChart })));

function Partners({ cycle }: { cycle: CycleDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="partners-heading">
      <Title order={2} size="h4" id="partners-heading" mb="xs">
        {t('followupCycles.detail.partners', { count: cycle.partners.length })}
      </Title>
      <Suspense fallback={<Loader size="sm" role="status" aria-label={t('followupCycles.loading')} />}>
        <ProgressChart counts={cycle.progress} />
      </Suspense>
      {cycle.partners.length === 0 ? (
        <Text c="dimmed">{t('followupCycles.detail.noPartners')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} mt="sm">
          <Table striped aria-labelledby="partners-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followupCycles.detail.partner')}</Table.Th>
                <Table.Th scope="col">{t('followupCycles.detail.progress')}</Table.Th>
                <Table.Th scope="col">{t('followupCycles.detail.submittedAt')}</Table.Th>
                <Table.Th scope="col">{t('followupCycles.detail.comments')}</Table.Th>
                <Table.Th scope="col">{t('followupCycles.detail.report')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cycle.partners.map((partner) => (
                <Table.Tr key={partner.reportId}>
                  <Table.Td>
                    <bdi>{partner.organisation.name}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <ProgressTag progress={partner.progress} />
                  </Table.Td>
                  <Table.Td>{partner.submittedAt ? formatDateTime(partner.submittedAt, i18n.language) : '—'}</Table.Td>
                  <Table.Td>{formatNumber(partner.commentCount, i18n.language)}</Table.Td>
                  <Table.Td>
                    {partner.readable ? (
                      <Anchor component={Link} to={reportPath(partner.reportId)}>
                        {t('followupCycles.detail.openReport', {
                          organisation: isolate(partner.organisation.acronym ?? partner.organisation.name),
                        })}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

function Covered({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="covered-heading">
      <Title order={2} size="h4" id="covered-heading" mb="xs">
        {t('followupCycles.detail.covered', { count: cycle.commitments.length })}
      </Title>
      <List spacing={4}>
        {cycle.commitments.map((commitment) => (
          <List.Item key={commitment.id}>
            <Anchor component={Link} to={commitmentPath(commitment.id)}>
              <bdi>{commitment.title}</bdi>
            </Anchor>{' '}
            <Text component="span" size="sm" c="dimmed">
              (<bdi>{commitment.lead.acronym ?? commitment.lead.name}</bdi>)
            </Text>
          </List.Item>
        ))}
      </List>
    </section>
  );
}

function Reviewers({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="reviewers-heading">
      <Title order={2} size="h4" id="reviewers-heading" mb="xs">
        {t('followupCycles.detail.reviewers', { count: cycle.reviewers.length })}
      </Title>
      {cycle.reviewers.length === 0 ? (
        <Text c="dimmed">{t('followupCycles.detail.noReviewers')}</Text>
      ) : (
        <List spacing={4}>
          {cycle.reviewers.map((organisation) => (
            <List.Item key={organisation.id}>
              <bdi>{organisation.name}</bdi>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

/** The secretariat closes the cycle with a summary, typed first and then confirmed. */
function CloseCycle({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState('');
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const close = useMutation({
    mutationFn: () => closeCycle(cycle.id, cycle.revision, summary.trim()),
    onSuccess: async (updated) => {
      queryClient.setQueryData(cycleKeys.one(cycle.id), updated);
      setConfirming(false);
      await refreshCycles();
    },
    onError: () => setConfirming(false),
  });
  return (
    <Card withBorder padding="md" maw={720} component="section" aria-labelledby="close-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="close-heading">
          {t('followupCycles.close.title')}
        </Title>
        <Textarea
          label={t('followupCycles.close.summary')}
          description={t('followupCycles.close.summaryHint')}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          maxLength={10000}
          autosize
          minRows={3}
          required
          dir="auto"
          error={tried && !summary.trim() ? t('followupCycles.close.summaryMissing') : null}
        />
        <ChangeProblem error={close.error} onReload={() => void refreshCycles().then(() => close.reset())} />
        <Group>
          <Button
            color="red"
            variant="outline"
            onClick={() => {
              setTried(true);
              if (summary.trim()) setConfirming(true);
            }}
          >
            {t('followupCycles.close.button')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('followupCycles.close.confirmTitle')}
        message={t('followupCycles.close.confirmMessage')}
        confirmLabel={t('followupCycles.close.confirm')}
        busy={close.isPending}
        onConfirm={() => close.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Card>
  );
}

/** One review cycle: its partners' progress, what it covers, who reviews, its report and closing. */
export function CyclePage() {
  const { t, i18n } = useTranslation();
  const { cycleId } = useParams({ from: '/signed-in/followup/cycles/$cycleId' });
  const cycle = useQuery(cycleQuery(cycleId));
  const { data: me } = useQuery(meQuery);

  if (isProblem(cycle.error, PLATFORM_PROBLEMS, 'not-found') || isProblem(cycle.error, PLATFORM_PROBLEMS, 'validation')) {
    return <NotFoundPage />;
  }
  if (cycle.isPending) return <Loader role="status" aria-label={t('followupCycles.loading')} />;
  if (!cycle.data) return <ProblemAlert error={cycle.error} />;
  const detail = cycle.data;
  // A partner comes here for its own report: offered first, before everyone's progress.
  const own = detail.partners.find((partner) => partner.organisation.id === me?.organisation.id);

  return (
    <Stack>
      <Anchor component={Link} to="/followup/cycles" size="sm">
        {t('followupCycles.detail.back')}
      </Anchor>
      <PageTitle>{detail.title}</PageTitle>
      <Group gap="xs">
        <CycleStatusTag status={detail.status} />
        <Anchor href={reportPdfLink(detail.id, i18n.language)} download fw={600}>
          {t('followupCycles.detail.pdf')}
        </Anchor>
      </Group>
      {own ? (
        <Group gap="sm">
          <Button component={Link} to={reportPath(own.reportId)}>
            {t('followupCycles.detail.ownReport')}
          </Button>
          <ProgressTag progress={own.progress} />
        </Group>
      ) : null}
      <Card withBorder padding="md">
        <Fields
          items={[
            [
              t('followupCycles.detail.plan'),
              detail.plan ? t(`followupCycles.plans.${detail.plan}`) : t('followupCycles.detail.noPlan'),
            ],
            [t('followupCycles.detail.deadline'), formatDate(detail.deadline, i18n.language)],
            [
              t('followupCycles.detail.opened'),
              detail.openedBy
                ? t('followupCycles.detail.openedBy', {
                    date: formatDateTime(detail.openedAt, i18n.language),
                    name: isolate(detail.openedBy.name),
                  })
                : formatDateTime(detail.openedAt, i18n.language),
            ],
            ...(detail.closedAt
              ? [[t('followupCycles.detail.closed'), formatDateTime(detail.closedAt, i18n.language)] as [string, string]]
              : []),
          ]}
        />
      </Card>
      {detail.closingSummary ? (
        <Alert color="gray" variant="light" title={t('followupCycles.detail.closingSummary')}>
          <Text size="sm" dir="auto" className="cycle-returned">
            {detail.closingSummary}
          </Text>
        </Alert>
      ) : null}
      {detail.descriptionHtml ? (
        <section aria-labelledby="cycle-description-heading">
          <Title order={2} size="h4" id="cycle-description-heading" mb="xs">
            {t('followupCycles.detail.description')}
          </Title>
          {/* Rendered and sanitised by the server (no scripts, no event attributes): safe to insert. */}
          <div className="markdown-body" dir="auto" dangerouslySetInnerHTML={{ __html: detail.descriptionHtml }} />
        </section>
      ) : null}
      <Partners cycle={detail} />
      <Covered cycle={detail} />
      <Reviewers cycle={detail} />
      <Comments
        headingId="cycle-comments-heading"
        comments={detail.comments.map(({ comment, reportId, partner }) => ({ comment, about: { reportId, partner } }))}
      />
      {detail.permissions.manage && detail.status === 'open' ? <CloseCycle cycle={detail} /> : null}
    </Stack>
  );
}
