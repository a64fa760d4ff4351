import { Alert, Button, Card, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { meQuery } from '../../../api/session.js';
import { useCan } from '../../../app/capabilities.js';
import { UnitSelect, useCreateAndOpen } from '../../../app/create-form.js';
import { HandlingCodePicker } from '../../../app/handling-code-picker.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { RecipientPicker } from '../../exchange/messages/recipients.js';
import { type CommitmentInput, commitmentPath, createCommitment, refreshFollowup } from './commitments-api.js';
import { OrganisationsPicker } from './parts.js';
import { type Option, RecommendationsPicker, ReferencesPicker } from './pickers.js';

/** Translation key of a code's explanation (keys cannot hold `:` or `+`). */
export const codeKey = (code: HandlingCode) => code.slice(4).replace('+', '_').toLowerCase();

/** The recipients picker's values (`unit:<id>`, `organisation:<id>`, `sharing_group:<id>`, `all_partners`) as a commitment's distribution. */
export function distributionOf(values: string[]): CommitmentInput['distribution'] {
  const ids = (kind: string) =>
    values.filter((value) => value.startsWith(`${kind}:`)).map((value) => value.slice(kind.length + 1));
  return {
    units: ids('unit'),
    organisations: ids('organisation'),
    sharingGroups: ids('sharing_group'),
    allPartners: values.includes('all_partners'),
  };
}

function CommitmentForm({ preselected }: { preselected?: string }) {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const units = me?.units ?? [];
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [contributors, setContributors] = useState<Option[]>([]);
  const [recommendations, setRecommendations] = useState<Option[]>([]);
  const [references, setReferences] = useState<string[]>([]);
  const [handlingCode, setHandlingCode] = useState<HandlingCode>('TLP:CLEAR');
  const [recipients, setRecipients] = useState<string[]>(['all_partners']);

  const errors = {
    unit: unitId ? null : t('followupCommitments.form.errors.unit'),
    title: title.trim() ? null : t('followupCommitments.form.errors.title'),
    startsOn: startsOn ? null : t('followupCommitments.form.errors.startsOn'),
    endsOn: !endsOn
      ? t('followupCommitments.form.errors.endsOn')
      : startsOn && endsOn < startsOn
        ? t('followupCommitments.form.errors.order')
        : null,
    recommendations:
      recommendations.length || references.length ? null : t('followupCommitments.form.errors.recommendationOrReference'),
    distribution: recipients.length ? null : t('followupCommitments.form.errors.distribution'),
  };
  const { create, submit, tried } = useCreateAndOpen({
    create: () =>
      createCommitment({
        unitId: unitId ?? '',
        title: title.trim(),
        description,
        startsOn,
        endsOn,
        contributors: contributors.map((option) => option.value),
        recommendationIds: recommendations.map((option) => option.value),
        references,
        handlingCode,
        distribution: distributionOf(recipients),
      }),
    errors,
    refresh: refreshFollowup,
    pathOf: commitmentPath,
  });
  const shown = (field: keyof typeof errors) => (tried ? errors[field] : null);

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate maw={900}>
      <Stack>
        <UnitSelect
          units={units}
          value={unitId}
          onChange={setUnitId}
          label={t('followupCommitments.form.unit')}
          description={t('followupCommitments.form.unitHint')}
          error={shown('unit')}
        />
        <TextInput
          label={t('followupCommitments.form.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          maxLength={300}
          required
          dir="auto"
          error={shown('title')}
        />
        <Textarea
          label={t('followupCommitments.form.description')}
          description={t('followupCommitments.form.descriptionHint')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          maxLength={20_000}
          autosize
          minRows={5}
          dir="auto"
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('followupCommitments.form.startsOn')}
            value={startsOn}
            onChange={(event) => setStartsOn(event.currentTarget.value)}
            required
            error={shown('startsOn')}
          />
          <TextInput
            type="date"
            label={t('followupCommitments.form.endsOn')}
            value={endsOn}
            onChange={(event) => setEndsOn(event.currentTarget.value)}
            required
            error={shown('endsOn')}
          />
        </Group>
        <OrganisationsPicker
          label={t('followupCommitments.form.contributors')}
          description={t('followupCommitments.form.contributorsHint')}
          value={contributors}
          onChange={setContributors}
          exclude={me?.organisation.id}
        />
        <RecommendationsPicker
          value={recommendations}
          onChange={setRecommendations}
          preselected={preselected}
          error={shown('recommendations')}
        />
        <ReferencesPicker value={references} onChange={setReferences} />
        <HandlingCodePicker
          label={t('followupCommitments.form.handlingCode')}
          description={t('followupCommitments.form.handlingCodeHint')}
          explain={(code) => t(`followupCommitments.codes.${codeKey(code)}`)}
          value={handlingCode}
          onChange={setHandlingCode}
        />
        <RecipientPicker value={recipients} onChange={setRecipients} error={shown('distribution')} />
        <ProblemAlert error={create.error} title={t('followupCommitments.form.refused')} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('followupCommitments.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A partner commits to act on library recommendations and action-plan references. */
export function NewCommitmentPage() {
  const { t } = useTranslation();
  const { recommendation } = useSearch({ from: '/signed-in/followup/commitments/new' });
  const mayCreate = useCan('commitment.create');
  const { data: me } = useQuery(meQuery);
  if (!mayCreate) return <NotAllowedPage />;
  return (
    <Stack>
      <PageTitle description={t('followupCommitments.form.intro')}>{t('followupCommitments.form.pageTitle')}</PageTitle>
      {me?.units.length ? (
        <CommitmentForm preselected={recommendation} />
      ) : (
        // A commitment is created for a unit: without one, say so rather than offer a form that fails.
        <Alert color="orange" variant="light" role="alert">
          {t('problems.no-unit')}
        </Alert>
      )}
    </Stack>
  );
}
