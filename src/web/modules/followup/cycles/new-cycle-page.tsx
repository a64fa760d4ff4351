import { Button, Card, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../../api/session.js';
import { isolate } from '../../../app/bidi.js';
import { useCan } from '../../../app/capabilities.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import {
  ACTION_PLANS,
  type ActionPlan,
  commitmentsToCoverQuery,
  cyclePath,
  isActionPlan,
  openCycle,
  organisationsQuery,
  refreshCycles,
} from './cycles-api.js';

/** Today as `YYYY-MM-DD` in the reader's time zone: a deadline must come after it. */
const today = () => {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

const organisationLabel = (organisation: { name: string; acronym: string | null }) =>
  organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name;

function OpenCycleForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery);
  const units = me?.units ?? [];
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [plan, setPlan] = useState<ActionPlan | undefined>(undefined);
  const [deadline, setDeadline] = useState('');
  const [commitmentIds, setCommitmentIds] = useState<string[]>([]);
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [tried, setTried] = useState(false);
  const [commitmentSearch, setCommitmentSearch] = useState('');
  const [typed] = useDebouncedValue(commitmentSearch.trim(), 300);
  const commitments = useQuery({ ...commitmentsToCoverQuery(plan, typed), placeholderData: keepPreviousData });
  const seen = useRef(new Map<string, string>());
  const organisations = useQuery(organisationsQuery);

  const errors = {
    title: title.trim() ? null : t('followupCycles.form.errors.title'),
    deadline: !deadline
      ? t('followupCycles.form.errors.deadline')
      : deadline <= today()
        ? t('followupCycles.form.errors.deadlinePast')
        : null,
    commitments: commitmentIds.length ? null : t('followupCycles.form.errors.commitments'),
    unit: unitId ? null : t('followupCycles.form.errors.unit'),
  };
  const shown = (field: keyof typeof errors) => (tried ? errors[field] : null);

  const open = useMutation({
    mutationFn: () =>
      openCycle({
        unitId: unitId ?? '',
        title: title.trim(),
        description,
        ...(plan ? { plan } : {}),
        deadline,
        commitmentIds,
        reviewerOrganisations: reviewers,
      }),
    onSuccess: async (cycle) => {
      await refreshCycles();
      await navigate({ to: cyclePath(cycle.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).every((error) => !error)) open.mutate();
  };
  // Picked commitments stay offered when another plan is chosen, so nothing picked vanishes unseen.
  for (const commitment of commitments.data?.items ?? []) {
    seen.current.set(commitment.id, `${commitment.title} — ${commitment.lead.acronym ?? commitment.lead.name}`);
  }
  const listed = new Set((commitments.data?.items ?? []).map((commitment) => commitment.id));
  const commitmentOptions = [...seen.current]
    .filter(([id]) => listed.has(id) || commitmentIds.includes(id))
    .map(([value, label]) => ({ value, label }));

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate maw={900}>
      <Stack>
        <TextInput
          label={t('followupCycles.form.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          maxLength={300}
          required
          dir="auto"
          error={shown('title')}
        />
        <Textarea
          label={t('followupCycles.form.description')}
          description={t('followupCycles.form.descriptionHint')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          maxLength={10000}
          autosize
          minRows={4}
          dir="auto"
        />
        <Group grow align="flex-start">
          <Select
            label={t('followupCycles.form.plan')}
            description={t('followupCycles.form.planHint')}
            data={ACTION_PLANS.map((value) => ({ value, label: t(`followupCycles.plans.${value}`) }))}
            value={plan ?? null}
            onChange={(value) => setPlan(isActionPlan(value) ? value : undefined)}
            placeholder={t('followupCycles.form.anyPlan')}
            clearable
          />
          <TextInput
            type="date"
            label={t('followupCycles.form.deadline')}
            value={deadline}
            min={today()}
            onChange={(event) => setDeadline(event.currentTarget.value)}
            required
            error={shown('deadline')}
          />
        </Group>
        <MultiSelect
          label={t('followupCycles.form.commitments')}
          description={t('followupCycles.form.commitmentsHint')}
          data={commitmentOptions}
          value={commitmentIds}
          onChange={setCommitmentIds}
          searchValue={commitmentSearch}
          onSearchChange={setCommitmentSearch}
          searchable
          clearable
          required
          nothingFoundMessage={t('common.nothingFound')}
          error={shown('commitments')}
        />
        <ProblemAlert error={commitments.error} />
        <MultiSelect
          label={t('followupCycles.form.reviewers')}
          description={t('followupCycles.form.reviewersHint')}
          data={(organisations.data ?? []).map((organisation) => ({
            value: organisation.id,
            label: organisationLabel(organisation),
          }))}
          value={reviewers}
          onChange={setReviewers}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <ProblemAlert error={organisations.error} />
        {units.length > 1 ? (
          <Select
            label={t('followupCycles.form.unit')}
            data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            value={unitId}
            onChange={setUnitId}
            allowDeselect={false}
            error={shown('unit')}
          />
        ) : units[0] ? (
          <Text size="sm">{t('followupCycles.form.byUnit', { unit: isolate(units[0].name) })}</Text>
        ) : (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {t('followupCycles.form.errors.unit')}
          </Text>
        )}
        <ProblemAlert error={open.error} title={t('followupCycles.form.refused')} />
        <Group>
          <Button type="submit" loading={open.isPending}>
            {t('followupCycles.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The secretariat opens a review cycle: what it reviews, by when, and who reviews the reports. */
export function NewCyclePage() {
  const { t } = useTranslation();
  if (!useCan('cycle.manage')) return <NotAllowedPage />;
  return (
    <Stack>
      <PageTitle description={t('followupCycles.form.intro')}>{t('followupCycles.form.pageTitle')}</PageTitle>
      <OpenCycleForm />
    </Stack>
  );
}
