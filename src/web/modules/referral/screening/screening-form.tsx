import { Button, Card, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blankAnswers, questionnaireOf, suggest } from '../../../../shared/referral/questionnaire.js';
import {
  ASSESSMENTS,
  type Assessment,
  SERVICE_TYPES,
  type ServiceType,
  URGENCIES,
  type Urgency,
} from '../../../../shared/referral/vocabulary.js';
import { ProblemAlert } from '../../../app/page.js';
import { type QuestionnaireReply, questionnaireQuery, recordScreening } from './screening-api.js';
import { NotesField, RecordFormFooter, SuggestionsPanel, useRecordForm } from './screening-parts.js';

/**
 * A new screening: the questionnaire grouped by section (every question starts at "unknown"), what
 * the answers suggest shown live beside it, and the screener's own decision (needs, assessment,
 * urgency), which is what counts. The suggestion rules are the shared ones the server stores.
 */
export function ScreeningForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const questionnaire = useQuery(questionnaireQuery());
  if (questionnaire.isPending) return <Text c="dimmed">{t('referralScreening.loading')}</Text>;
  if (questionnaire.isError) return <ProblemAlert error={questionnaire.error} />;
  return <Form caseId={caseId} questionnaire={questionnaire.data} onDone={onDone} />;
}

function Form({ caseId, questionnaire, onDone }: { caseId: string; questionnaire: QuestionnaireReply; onDone: () => void }) {
  const { t } = useTranslation();
  const rules = questionnaireOf(questionnaire.version);
  const [answers, setAnswers] = useState<Record<string, string>>(() => (rules ? blankAnswers(rules) : {}));
  const [needs, setNeeds] = useState<ServiceType[]>([]);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [urgency, setUrgency] = useState<Urgency | null>(null);
  const [notes, setNotes] = useState('');
  const suggestions = useMemo(() => (rules ? suggest(rules, answers) : null), [rules, answers]);

  const { save, submit, tried } = useRecordForm({
    record: () =>
      recordScreening(caseId, {
        questionnaireVersion: questionnaire.version,
        answers,
        decidedNeeds: needs,
        assessment: assessment as Assessment,
        urgency: urgency as Urgency,
        ...(notes.trim() ? { notes } : {}),
      }),
    ready: Boolean(assessment && urgency),
    onDone,
  });
  const applySuggestions = () => {
    if (!suggestions) return;
    setNeeds(suggestions.suggestedNeeds);
    setAssessment(suggestions.suggestedAssessment);
    setUrgency(suggestions.suggestedUrgency);
  };

  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} noValidate aria-labelledby="new-screening-heading">
      <Stack gap="md">
        <Title order={3} size="h4" id="new-screening-heading">
          {t('referralScreening.new')}
        </Title>
        {questionnaire.sections.map((section) => (
          <Stack key={section.id} gap="xs" component="section" aria-labelledby={`section-${section.id}`}>
            <Title order={4} size="h5" id={`section-${section.id}`}>
              {t(`referralScreening.section.${section.id}`)}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {section.questions.map((question) => (
                <Radio.Group
                  key={question.id}
                  name={question.id}
                  label={t(`referralScreening.questions.${question.id}`)}
                  value={answers[question.id] ?? ''}
                  onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
                >
                  <Group gap="sm" mt={4}>
                    {question.answers.map((answer) => (
                      <Radio key={answer} value={answer} label={t(`referralScreening.answer.${answer}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              ))}
            </SimpleGrid>
          </Stack>
        ))}

        {suggestions ? (
          <Card withBorder padding="sm" bg="var(--mantine-color-default-hover)" aria-live="polite">
            <SuggestionsPanel suggestions={suggestions} headingId="live-suggestions-heading" />
            <Group mt="xs">
              <Button variant="light" size="xs" onClick={applySuggestions}>
                {t('referralScreening.suggested.use')}
              </Button>
            </Group>
          </Card>
        ) : null}

        <Stack gap="xs" component="section" aria-labelledby="decision-heading">
          <Title order={4} size="h5" id="decision-heading">
            {t('referralScreening.decision.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('referralScreening.decision.hint')}
          </Text>
          <Checkbox.Group
            label={t('referralScreening.decision.needs')}
            value={needs}
            onChange={(value) => setNeeds(SERVICE_TYPES.filter((need) => value.includes(need)))}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={4}>
              {SERVICE_TYPES.map((need) => (
                <Checkbox key={need} value={need} label={t(`referralScreening.need.${need}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('referralScreening.decision.assessment')}
              data={ASSESSMENTS.map((value) => ({ value, label: t(`referralScreening.assessment.${value}`) }))}
              value={assessment}
              onChange={(value) => setAssessment(value as Assessment | null)}
              required
              error={tried && !assessment ? t('referralScreening.decision.required') : null}
            />
            <Select
              label={t('referralScreening.decision.urgency')}
              data={URGENCIES.map((value) => ({ value, label: t(`referralScreening.urgency.${value}`) }))}
              value={urgency}
              onChange={(value) => setUrgency(value as Urgency | null)}
              required
              error={tried && !urgency ? t('referralScreening.decision.required') : null}
            />
          </SimpleGrid>
          <NotesField label={t('referralScreening.decision.notes')} value={notes} onChange={setNotes} />
        </Stack>
        <RecordFormFooter
          save={save}
          refusedTitle={t('referralScreening.refused')}
          saveLabel={t('referralScreening.decision.save')}
          onCancel={onDone}
        />
      </Stack>
    </Card>
  );
}
