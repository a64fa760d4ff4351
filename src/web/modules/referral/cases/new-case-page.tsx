import { Alert, Button, Card, Checkbox, Group, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_TYPES, type CaseType, REFERRAL_LIMITS } from '../../../../shared/referral/vocabulary.js';
import { meQuery } from '../../../api/session.js';
import { useCan } from '../../../app/capabilities.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { casePath, createCase, isMinor, refreshCases } from './cases-api.js';
import { EMPTY_PERSON, type PersonDraft, personErrors, personInput } from './person.js';
import { PersonFields } from './person-fields.js';

function CaseForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery);
  const units = me?.units ?? [];
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [caseType, setCaseType] = useState<CaseType>('other_vulnerability');
  const [person, setPerson] = useState<PersonDraft>(EMPTY_PERSON);
  // Until the reader says otherwise, a person under 18 by the date of birth is a child.
  const [childChosen, setChildChosen] = useState<boolean | null>(null);
  const [notes, setNotes] = useState('');
  const [tried, setTried] = useState(false);
  const isChild = childChosen ?? (person.dateOfBirth ? isMinor(person.dateOfBirth) : false);
  const errors = personErrors(person, t);

  const create = useMutation({
    mutationFn: () =>
      createCase({
        unitId: unitId ?? undefined,
        caseType,
        isChild: childChosen ?? undefined,
        person: personInput(person),
        notes: notes.trim() || undefined,
      }),
    onSuccess: async (created) => {
      await refreshCases();
      await navigate({ to: casePath(created.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).every((error) => !error)) create.mutate();
  };

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate maw={900}>
      <Stack>
        {units.length > 1 ? (
          <Select
            label={t('referralCases.form.unit')}
            description={t('referralCases.form.unitHint')}
            data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            value={unitId}
            onChange={setUnitId}
            allowDeselect={false}
          />
        ) : null}
        <Select
          label={t('referralCases.fields.caseType')}
          data={CASE_TYPES.map((type) => ({ value: type, label: t(`referralCases.caseType.${type}`) }))}
          value={caseType}
          onChange={(value) => setCaseType((value as CaseType | null) ?? 'other_vulnerability')}
          allowDeselect={false}
        />
        <PersonFields value={person} onChange={setPerson} errors={tried ? errors : {}} />
        <Checkbox
          label={t('referralCases.form.isChild')}
          description={t('referralCases.form.isChildHint')}
          checked={isChild}
          onChange={(event) => setChildChosen(event.currentTarget.checked)}
        />
        <Textarea
          label={t('referralCases.fields.notes')}
          description={t('referralCases.form.notesHint')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          maxLength={REFERRAL_LIMITS.notes}
          autosize
          minRows={3}
          dir="auto"
        />
        <ProblemAlert error={create.error} title={t('referralCases.form.refused')} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('referralCases.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A case worker opens a case for a person met: the personal fields are encrypted by the server. */
export function NewCasePage() {
  const { t } = useTranslation();
  const mayCreate = useCan('case.create');
  const { data: me } = useQuery(meQuery);
  if (!mayCreate) return <NotAllowedPage />;
  return (
    <Stack>
      <PageTitle description={t('referralCases.form.intro')}>{t('referralCases.form.pageTitle')}</PageTitle>
      {me?.units.length ? (
        <CaseForm />
      ) : (
        // A case is owned by a unit: without one, say so rather than offer a form that fails.
        <Alert color="orange" variant="light" role="alert">
          {t('problems.no-unit')}
        </Alert>
      )}
    </Stack>
  );
}
