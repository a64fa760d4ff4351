import { Anchor, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentStatus } from '../../../../shared/followup/vocabulary.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { isApiError, isProblem } from '../../../api/client.js';
import { Ltr } from '../../../app/bidi.js';
import { Fields } from '../../../app/fields.js';
import { formatDate, formatList } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { itemPath } from '../../knowledge/items/items.js';
import { ActionsSection } from './actions-section.js';
import {
  type CommitmentDetail,
  commitmentQuery,
  commitmentsPath,
  editCommitment,
  refreshFollowup,
  setCommitmentStatus,
} from './commitments-api.js';
import { IndicatorsSection } from './indicators-section.js';
import { MutationProblem, reloadIfStale } from './mutation-problem.js';
import { CommitmentStatusTag, organisationLabel, ReferenceName } from './parts.js';
import { ReasonDialog } from './reason-dialog.js';
import { RevisionHistory } from './revision-history.js';

function Overview({ commitment }: { commitment: CommitmentDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const contributors = commitment.partners.filter((partner) => partner.role === 'contributor');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="fu-overview">
      <Stack gap="sm">
        <Title order={2} size="h4" id="fu-overview">
          {t('followupCommitments.detail.overview')}
        </Title>
        <Fields
          items={[
            [
              t('followupCommitments.fields.status'),
              <Group gap="xs" key="status">
                <CommitmentStatusTag status={commitment.status} />
                {commitment.statusReason ? (
                  <Text size="sm" dir="auto" data-testid="commitment-status-reason">
                    {commitment.statusReason}
                  </Text>
                ) : null}
              </Group>,
            ],
            [t('followupCommitments.fields.lead'), <bdi key="lead">{organisationLabel(commitment.lead)}</bdi>],
            [
              t('followupCommitments.fields.contributors'),
              contributors.length
                ? formatList(
                    contributors.map((partner) => organisationLabel(partner.organisation)),
                    language,
                  )
                : t('followupCommitments.detail.none'),
            ],
            [t('followupCommitments.fields.unit'), <bdi key="unit">{commitment.originatorUnit.name}</bdi>],
            [
              t('followupCommitments.fields.period'),
              `${formatDate(commitment.startsOn, language)} – ${formatDate(commitment.endsOn, language)}`,
            ],
            [t('followupCommitments.fields.handlingCode'), <Ltr key="code">{commitment.handlingCode}</Ltr>],
          ]}
        />
        {commitment.description ? (
          // Rendered and sanitised by the server (no scripts, no event attributes): safe to insert.
          <div className="markdown-body" dir="auto" dangerouslySetInnerHTML={{ __html: commitment.descriptionHtml }} />
        ) : null}
      </Stack>
    </Card>
  );
}

function Recommendations({ commitment }: { commitment: CommitmentDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="fu-recommendations">
      <Stack gap="sm">
        <Title order={2} size="h4" id="fu-recommendations">
          {t('followupCommitments.detail.recommendations', { count: commitment.recommendations.length })}
        </Title>
        {commitment.recommendations.length === 0 ? <Text c="dimmed">{t('followupCommitments.detail.none')}</Text> : null}
        <ul className="fu-list">
          {commitment.recommendations.map((recommendation) => (
            <li key={recommendation.itemId}>
              <Anchor
                component={Link}
                to={itemPath(recommendation.itemId)}
                dir="auto"
                lineClamp={3}
                data-testid="linked-recommendation"
              >
                {recommendation.number ? `${recommendation.number}. ` : ''}
                {recommendation.text}
              </Anchor>
              <Text size="sm" c="dimmed">
                <bdi>{recommendation.document.title}</bdi>
                {recommendation.document.dates[0] ? ` — ${formatDate(recommendation.document.dates[0], i18n.language)}` : ''}
              </Text>
            </li>
          ))}
        </ul>
        <Title order={3} size="h5">
          {t('followupCommitments.detail.references', { count: commitment.references.length })}
        </Title>
        {commitment.references.length === 0 ? (
          <Text c="dimmed">{t('followupCommitments.detail.none')}</Text>
        ) : (
          <ul className="fu-list">
            {commitment.references.map((reference) => (
              <li key={reference}>
                <Anchor component={Link} to={commitmentsPath} search={{ reference } as never} size="sm">
                  <ReferenceName reference={reference} />
                </Anchor>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </Card>
  );
}

function EditForm({ commitment, onDone }: { commitment: CommitmentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(commitment.title);
  const [description, setDescription] = useState(commitment.description);
  const [startsOn, setStartsOn] = useState(commitment.startsOn);
  const [endsOn, setEndsOn] = useState(commitment.endsOn);
  const save = useMutation({
    mutationFn: () =>
      editCommitment(commitment.id, { revision: commitment.revision, title: title.trim(), description, startsOn, endsOn }),
    onSuccess: async () => {
      await refreshFollowup();
      onDone();
    },
    onError: reloadIfStale,
  });
  return (
    <Card
      withBorder
      padding="lg"
      component="form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <TextInput
          label={t('followupCommitments.form.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          required
          dir="auto"
          maxLength={300}
        />
        <Textarea
          label={t('followupCommitments.form.description')}
          description={t('followupCommitments.form.descriptionHint')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          autosize
          minRows={4}
          dir="auto"
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('followupCommitments.form.startsOn')}
            value={startsOn}
            onChange={(event) => setStartsOn(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('followupCommitments.form.endsOn')}
            value={endsOn}
            onChange={(event) => setEndsOn(event.currentTarget.value)}
          />
        </Group>
        <MutationProblem error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!title.trim()}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Completing or cancelling a commitment, with the reason kept beside its status. */
function StatusChange({ commitment }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CommitmentStatus | null>(null);
  const change = useMutation({
    mutationFn: (reason: string) =>
      setCommitmentStatus(commitment.id, { revision: commitment.revision, status: status ?? 'active', reason }),
    onSuccess: async () => {
      await refreshFollowup();
      setStatus(null);
    },
    onError: reloadIfStale,
  });
  const next: CommitmentStatus[] = commitment.status === 'active' ? ['completed', 'cancelled'] : [];
  if (!next.length) return null;
  return (
    <>
      <Select
        label={t('followupCommitments.detail.changeStatus')}
        data={next.map((value) => ({ value, label: t(`followupCommitments.statusChange.${value}`) }))}
        value={null}
        onChange={(value) => {
          change.reset();
          setStatus(value as CommitmentStatus | null);
        }}
        placeholder={t('followupCommitments.detail.choose')}
        w={240}
      />
      <ReasonDialog
        opened={status !== null}
        title={status ? t(`followupCommitments.statusChange.${status}`) : ''}
        message={t('followupCommitments.detail.statusReasonHint')}
        confirmLabel={status ? t(`followupCommitments.statusChange.${status}`) : ''}
        busy={change.isPending}
        error={change.error}
        required
        onConfirm={(reason) => change.mutate(reason)}
        onClose={() => setStatus(null)}
      />
    </>
  );
}

/** One commitment, from the recommendations it acts on to the evidence of its indicators. */
export function CommitmentPage() {
  const { t } = useTranslation();
  const { commitmentId } = useParams({ strict: false }) as { commitmentId: string };
  const answer = useQuery(commitmentQuery(commitmentId));
  const [editing, setEditing] = useState(false);
  const commitment = answer.data;

  if (isApiError(answer.error, 404) || isProblem(answer.error, PLATFORM_PROBLEMS, 'validation')) return <NotFoundPage />;
  if (!commitment) {
    return (
      <Stack>
        <PageTitle>{t('followupCommitments.detail.pageTitle')}</PageTitle>
        {answer.error ? <ProblemAlert error={answer.error} /> : <Text c="dimmed">{t('followupCommitments.loading')}</Text>}
      </Stack>
    );
  }
  const editable = commitment.permissions.edit && commitment.status !== 'cancelled';
  return (
    <Stack>
      <Anchor component={Link} to={commitmentsPath} size="sm">
        {t('followupCommitments.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle>{commitment.title}</PageTitle>
        {editable ? (
          <Group align="flex-end">
            {!editing ? (
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            <StatusChange commitment={commitment} />
          </Group>
        ) : null}
      </Group>
      {editing ? <EditForm commitment={commitment} onDone={() => setEditing(false)} /> : null}
      <Overview commitment={commitment} />
      <Recommendations commitment={commitment} />
      <ActionsSection commitment={commitment} />
      <IndicatorsSection commitment={commitment} />
      <RevisionHistory commitmentId={commitment.id} revision={commitment.revision} />
    </Stack>
  );
}
