import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bidi, isolate } from '../../../app/bidi.js';
import { formatDate, formatDateTime } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { type Screening, screeningsQuery } from './screening-api.js';
import { AssessmentBadge, SuggestedServices, SuggestionsPanel, UrgencyBadge, useLabels } from './screening-parts.js';

// The form (the questionnaire and its live suggestions) loads when someone starts a screening.
const ScreeningForm = lazy(() => import('./screening-form.js').then((m) => ({ default: m.ScreeningForm })));

/**
 * The case page's screening: the latest screening (decision, what the answers suggested, matching
 * services), earlier ones, and "New screening" for the case workers of the owner unit.
 */
export function ScreeningSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const list = useQuery(screeningsQuery(caseId));
  const [latest, ...earlier] = list.data?.items ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="screening-heading" data-testid="screening-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="screening-heading">
            {t('referralScreening.title')}
          </Title>
          {list.data?.permissions.edit && !adding ? (
            <Button variant="light" onClick={() => setAdding(true)}>
              {t('referralScreening.new')}
            </Button>
          ) : null}
        </Group>
        {list.isPending ? <Text c="dimmed">{t('referralScreening.loading')}</Text> : null}
        <ProblemAlert error={list.error} />
        {adding ? (
          <Suspense fallback={<Text c="dimmed">{t('referralScreening.loading')}</Text>}>
            <ScreeningForm caseId={caseId} onDone={() => setAdding(false)} />
          </Suspense>
        ) : null}
        {list.data && !latest ? <Text c="dimmed">{t('referralScreening.none')}</Text> : null}
        {latest ? <LatestScreening screening={latest} /> : null}
        {earlier.length > 0 ? <EarlierScreenings screenings={earlier} /> : null}
      </Stack>
    </Card>
  );
}

function LatestScreening({ screening }: { screening: Screening }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return (
    <Stack gap="xs" data-testid="latest-screening">
      <Title order={3} size="h4">
        {t('referralScreening.latest')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('referralScreening.screenedBy', {
          name: isolate(screening.screenedBy.name),
          date: formatDateTime(screening.screenedAt, i18n.language),
          version: isolate(screening.questionnaireVersion),
        })}
      </Text>
      <Group gap="xs">
        <AssessmentBadge assessment={screening.assessment} />
        <UrgencyBadge urgency={screening.urgency} />
      </Group>
      <Text size="sm">
        <strong>{t('referralScreening.column.needs')}</strong>
        {': '}
        {labels('need', screening.decidedNeeds)}
      </Text>
      {screening.notes !== null ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{t('referralScreening.notes')}</strong>
          {': '}
          <Bidi>{screening.notes}</Bidi>
        </Text>
      ) : screening.hasNotes ? (
        <Text size="sm" c="dimmed">
          {t('referralScreening.notesHidden')}
        </Text>
      ) : null}
      <SuggestionsPanel suggestions={screening} headingId={`suggestions-${screening.id}`} />
      <SuggestedServices services={screening.suggestedServices} />
    </Stack>
  );
}

function EarlierScreenings({ screenings }: { screenings: Screening[] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return (
    <Stack gap={4}>
      <Title order={3} size="h5" id="earlier-screenings-heading">
        {t('referralScreening.history', { count: screenings.length })}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-labelledby="earlier-screenings-heading" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('referralScreening.column.date')}</Table.Th>
              <Table.Th scope="col">{t('referralScreening.column.by')}</Table.Th>
              <Table.Th scope="col">{t('referralScreening.column.assessment')}</Table.Th>
              <Table.Th scope="col">{t('referralScreening.column.urgency')}</Table.Th>
              <Table.Th scope="col">{t('referralScreening.column.families')}</Table.Th>
              <Table.Th scope="col">{t('referralScreening.column.needs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {screenings.map((screening) => (
              <Table.Tr key={screening.id}>
                <Table.Td>
                  <time dateTime={screening.screenedAt}>{formatDate(screening.screenedAt, i18n.language)}</time>
                </Table.Td>
                <Table.Td>
                  <Bidi>{screening.screenedBy.name}</Bidi>
                </Table.Td>
                <Table.Td>{t(`referralScreening.assessment.${screening.assessment}`)}</Table.Td>
                <Table.Td>{t(`referralScreening.urgency.${screening.urgency}`)}</Table.Td>
                <Table.Td>{labels('family', screening.indicatorFamilies)}</Table.Td>
                <Table.Td>{labels('need', screening.decidedNeeds)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
