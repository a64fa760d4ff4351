import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BEST_INTERESTS_DECISIONS,
  BEST_INTERESTS_STEPS,
  type BestInterestsDecision,
  type BestInterestsStep,
} from '../../../../shared/referral/vocabulary.js';
import { Bidi, FREE_TEXT } from '../../../app/bidi.js';
import { formatDate } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { type BestInterestsStepReply, recordStep, stepsQuery } from './screening-api.js';
import { NotesField, RecordFormFooter, useRecordForm } from './screening-parts.js';

/**
 * A child's case: the recorded steps of the best-interests procedure (guardian, child protection
 * authority, assessment, determination), which a referral rests on instead of the child's consent.
 */
export function BestInterestsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const list = useQuery(stepsQuery(caseId));
  const items = list.data?.items ?? [];
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="best-interests-heading"
      data-testid="best-interests-section"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="best-interests-heading">
            {t('referralScreening.bestInterests.title')}
          </Title>
          {list.data?.permissions.edit && !adding ? (
            <Button variant="light" onClick={() => setAdding(true)}>
              {t('referralScreening.bestInterests.record')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('referralScreening.bestInterests.intro')}
        </Text>
        {list.isPending ? <Text c="dimmed">{t('referralScreening.loading')}</Text> : null}
        <ProblemAlert error={list.error} />
        {list.data ? (
          <Alert color={list.data.referralInBestInterests ? 'teal' : 'gray'} variant="light" p="xs">
            {list.data.referralInBestInterests
              ? t('referralScreening.bestInterests.inBestInterests')
              : t('referralScreening.bestInterests.notYet')}
          </Alert>
        ) : null}
        {adding ? <StepForm caseId={caseId} onDone={() => setAdding(false)} /> : null}
        {list.data && items.length === 0 ? <Text c="dimmed">{t('referralScreening.bestInterests.none')}</Text> : null}
        {items.length > 0 ? <StepTable steps={items} /> : null}
      </Stack>
    </Card>
  );
}

function StepTable({ steps }: { steps: BestInterestsStepReply[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-labelledby="best-interests-heading" striped data-testid="best-interests-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('referralScreening.bestInterests.date')}</Table.Th>
            <Table.Th scope="col">{t('referralScreening.bestInterests.stepLabel')}</Table.Th>
            <Table.Th scope="col">{t('referralScreening.bestInterests.decisionLabel')}</Table.Th>
            <Table.Th scope="col">{t('referralScreening.bestInterests.authority')}</Table.Th>
            <Table.Th scope="col">{t('referralScreening.bestInterests.notes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((step) => (
            <Table.Tr key={step.id}>
              <Table.Td>
                <time dateTime={step.recordedAt}>{formatDate(step.recordedAt, i18n.language)}</time>
                <Text size="xs" c="dimmed">
                  <Bidi>{step.recordedBy.name}</Bidi>
                </Text>
              </Table.Td>
              <Table.Td>{t(`referralScreening.bestInterests.step.${step.step}`)}</Table.Td>
              <Table.Td>{t(`referralScreening.bestInterests.decision.${step.decision}`)}</Table.Td>
              <Table.Td>
                <Bidi>{step.authority}</Bidi>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                {step.notes !== null ? (
                  <Bidi>{step.notes}</Bidi>
                ) : step.hasNotes ? (
                  <Text size="xs" c="dimmed">
                    {t('referralScreening.notesHidden')}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StepForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<BestInterestsStep | null>(null);
  const [decision, setDecision] = useState<BestInterestsDecision | null>(null);
  const [authority, setAuthority] = useState('');
  const [notes, setNotes] = useState('');
  const { save, submit, tried } = useRecordForm({
    record: () =>
      recordStep(caseId, {
        step: step as BestInterestsStep,
        decision: decision as BestInterestsDecision,
        authority: authority.trim(),
        ...(notes.trim() ? { notes } : {}),
      }),
    ready: Boolean(step && decision && authority.trim()),
    onDone,
  });
  const required = t('referralScreening.decision.required');
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} noValidate aria-labelledby="step-form-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="step-form-heading">
          {t('referralScreening.bestInterests.record')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('referralScreening.bestInterests.stepLabel')}
            data={BEST_INTERESTS_STEPS.map((value) => ({ value, label: t(`referralScreening.bestInterests.step.${value}`) }))}
            value={step}
            onChange={(value) => setStep(value as BestInterestsStep | null)}
            required
            error={tried && !step ? required : null}
          />
          <Select
            label={t('referralScreening.bestInterests.decisionLabel')}
            data={BEST_INTERESTS_DECISIONS.map((value) => ({
              value,
              label: t(`referralScreening.bestInterests.decision.${value}`),
            }))}
            value={decision}
            onChange={(value) => setDecision(value as BestInterestsDecision | null)}
            required
            error={tried && !decision ? required : null}
          />
        </SimpleGrid>
        <TextInput
          label={t('referralScreening.bestInterests.authority')}
          value={authority}
          onChange={(event) => setAuthority(event.currentTarget.value)}
          maxLength={300}
          required
          error={tried && !authority.trim() ? required : null}
          {...FREE_TEXT}
        />
        <NotesField label={t('referralScreening.bestInterests.notes')} value={notes} onChange={setNotes} />
        <RecordFormFooter
          save={save}
          refusedTitle={t('referralScreening.bestInterests.refused')}
          saveLabel={t('referralScreening.bestInterests.save')}
          onCancel={onDone}
        />
      </Stack>
    </Card>
  );
}
