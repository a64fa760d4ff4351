import { Alert, Badge, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestions } from '../../../../shared/referral/questionnaire.js';
import { type Assessment, REFERRAL_LIMITS, type Urgency } from '../../../../shared/referral/vocabulary.js';
import { Bidi, FREE_TEXT, Ltr } from '../../../app/bidi.js';
import { formatList } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { refreshCase, type SuggestedService } from './screening-api.js';

/** Small parts the screening section and its form share. */

const URGENCY_COLOUR: Record<Urgency, string> = { immediate: 'red', high: 'orange', normal: 'gray' };
const ASSESSMENT_COLOUR: Record<Assessment, string> = {
  presumed_victim: 'red',
  possible_victim: 'orange',
  vulnerable_not_victim: 'blue',
  no_indication: 'gray',
};

export function AssessmentBadge({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  return (
    <Badge color={ASSESSMENT_COLOUR[assessment]} variant="light">
      {t(`referralScreening.assessment.${assessment}`)}
    </Badge>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <Badge color={URGENCY_COLOUR[urgency]} variant="outline">
      {t(`referralScreening.urgency.${urgency}`)}
    </Badge>
  );
}

/** A list of codes as words of the reader's language ("Shelter, Legal aid and …"), or `empty`. */
export function useLabels() {
  const { t, i18n } = useTranslation();
  return (prefix: string, codes: readonly string[], empty = '—') =>
    codes.length === 0
      ? empty
      : formatList(
          codes.map((code) => t(`referralScreening.${prefix}.${code}`)),
          i18n.language,
        );
}

/** What the answers suggest, shown live in the form and beside a recorded screening. */
export function SuggestionsPanel({ suggestions, headingId }: { suggestions: Suggestions; headingId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Stack gap={6} aria-labelledby={headingId} component="section">
      <Title order={4} size="h5" id={headingId}>
        {t('referralScreening.suggested.title')}
      </Title>
      <Text size="sm">
        <strong>{t('referralScreening.suggested.families')}</strong>
        {': '}
        {labels('family', suggestions.indicatorFamilies, t('referralScreening.suggested.noFamilies'))}
      </Text>
      <Text size="sm">
        <strong>{t('referralScreening.suggested.needs')}</strong>
        {': '}
        {labels('need', suggestions.suggestedNeeds, t('referralScreening.suggested.noNeeds'))}
      </Text>
      <Group gap="xs">
        <Text size="sm" fw={700}>
          {t('referralScreening.suggested.assessment')}
        </Text>
        <AssessmentBadge assessment={suggestions.suggestedAssessment} />
        <Text size="sm" fw={700}>
          {t('referralScreening.suggested.urgency')}
        </Text>
        <UrgencyBadge urgency={suggestions.suggestedUrgency} />
      </Group>
      {suggestions.ageAssessmentNeeded ? (
        <Alert color="yellow" variant="light" p="xs">
          {t('referralScreening.suggested.ageAssessment')}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** Providers of the directory serving the decided needs, those in the case's country first. */
export function SuggestedServices({ services }: { services: readonly SuggestedService[] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return (
    <Stack gap={6} component="section" aria-labelledby="suggested-services-heading">
      <Title order={4} size="h5" id="suggested-services-heading">
        {t('referralScreening.services.title')}
      </Title>
      {services.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('referralScreening.services.none')}
        </Text>
      ) : (
        <List spacing={4} size="sm" data-testid="suggested-services">
          {services.map((service) => (
            <List.Item key={service.providerId}>
              <Bidi>{service.name}</Bidi>{' '}
              {service.inCaseCountry ? (
                <Badge size="xs" variant="light" color="teal">
                  {t('referralScreening.services.inCountry')}
                </Badge>
              ) : null}
              <Text size="xs" c="dimmed">
                {t('referralScreening.services.serves', { needs: labels('need', service.needs) })}
                {' · '}
                {t('referralScreening.services.places', {
                  places: formatList(
                    [...service.countries.map((code) => countryName(code, i18n.language)), ...service.cities],
                    i18n.language,
                  ),
                })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The questionnaire version, a code: always left to right. */
export const VersionCode = ({ version }: { version: string }) => <Ltr>{version}</Ltr>;

/**
 * A form recording something on the case (a screening, a consent, a best-interests step): missing
 * fields show once the reader has tried to save; once saved, the case is read afresh and the form closes.
 */
export function useRecordForm({ record, ready, onDone }: { record: () => Promise<unknown>; ready: boolean; onDone: () => void }) {
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: record,
    onSuccess: async () => {
      await refreshCase();
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (ready) save.mutate();
  };
  return { save, submit, tried };
}

/** The recorder's own notes on a screening or a best-interests step (encrypted, shown to the case's unit only). */
export function NotesField({ label, value, onChange }: { label: string; value: string; onChange: (notes: string) => void }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={label}
      description={t('referralScreening.decision.notesHint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      maxLength={REFERRAL_LIMITS.notes}
      autosize
      minRows={2}
      {...FREE_TEXT}
    />
  );
}

/** The end of such a form: why the server refused, if it did, then save and cancel. */
export function RecordFormFooter({
  save,
  refusedTitle,
  saveLabel,
  onCancel,
}: {
  save: { error: unknown; isPending: boolean };
  refusedTitle: string;
  saveLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ProblemAlert error={save.error} title={refusedTitle} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {saveLabel}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('referralScreening.cancel')}
        </Button>
      </Group>
    </>
  );
}
