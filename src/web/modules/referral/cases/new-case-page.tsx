import { Alert, Button, Card, Checkbox, Group, Select, Stack, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_TYPES, type CaseType, REFERRAL_LIMITS } from '../../../../shared/referral/vocabulary.js';
import { meQuery } from '../../../api/session.js';
import { useCan } from '../../../app/capabilities.js';
import { UnitSelect, useCreateAndOpen } from '../../../app/create-form.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { casePath, createCase, isMinor, refreshCases } from './cases-api.js';
import { EMPTY_PERSON, type PersonDraft, personErrors, personInput } from './person.js';
import { PersonFields } from './person-fields.js';

function CaseForm() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const units = me?.units ?? [];
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [caseType, setCaseType] = useState<CaseType>('other_vulnerability');
  const [person, setPerson] = useState<PersonDraft>(EMPTY_PERSON);
  // Until the reader says otherwise, a person under 18 by the date of birth is a child.
  const [childChosen, setChildChosen] = useState<boolean | null>(null);
  const [notes, setNotes] = useState('');
  const isChild = childChosen ?? (person.dateOfBirth ? isMinor(person.dateOfBirth) : false);
  const errors = personErrors(person, t);

  const { create, submit, tried } = useCreateAndOpen({
    create: () =>
      createCase({
        unitId: unitId ?? undefined,
        caseType,
        isChild: childChosen ?? undefined,
        person: personInput(person),
        notes: notes.trim() || undefined,
      }),
    errors,
    refresh: refreshCases,
    pathOf: casePath,
  });

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate maw={900}>
      <Stack>
        <UnitSelect
          units={units}
          value={unitId}
          onChange={setUnitId}
          label={t('referralCases.form.unit')}
          description={t('referralCases.form.unitHint')}
        />
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
