import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_SEXES, type EntrySex, WATCHLIST_LIMITS } from '../../../../shared/watchlists/vocabulary.js';
import { meQuery, queryClient } from '../../../api/session.js';
import { useCan } from '../../../app/capabilities.js';
import { formatNumber } from '../../../app/format.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { countryOptions } from '../../../i18n/index.js';
import { PurposeField, purposeProblem, usePurpose } from '../purpose.js';
import { hitKeys } from '../review/review-api.js';
import { CandidateCard } from './candidate-card.js';
import { type ScreeningInput, type ScreeningResult, screenName } from './screening-api.js';
import { ScreeningNav } from './screening-nav.js';

const FIRST_YEAR = 1900;

interface Draft {
  name: string;
  birthYear: string;
  nationality: string;
  sex: EntrySex | '';
  unitId: string;
}

const EMPTY: Draft = { name: '', birthYear: '', nationality: '', sex: '', unitId: '' };

function draftErrors(draft: Draft, purpose: string) {
  const year = Number(draft.birthYear);
  const thisYear = new Date().getUTCFullYear();
  return {
    name: draft.name.trim() === '' ? 'nameRequired' : null,
    birthYear:
      draft.birthYear.trim() !== '' && !(Number.isInteger(year) && year >= FIRST_YEAR && year <= thisYear) ? 'birthYear' : null,
    purpose: purposeProblem(purpose),
  } as const;
}

function inputOf(draft: Draft, purpose: string): ScreeningInput & { unitId?: string } {
  return {
    name: draft.name.trim(),
    purpose: purpose.trim(),
    ...(draft.birthYear.trim() ? { birthYear: Number(draft.birthYear) } : {}),
    ...(draft.nationality ? { nationality: draft.nationality } : {}),
    ...(draft.sex ? { sex: draft.sex } : {}),
    ...(draft.unitId ? { unitId: draft.unitId } : {}),
  };
}

/**
 * The name to screen and what else is known of the person. What is typed stays in this form: never
 * in the address, so a name does not land in history, bookmarks or access logs.
 */
function ScreeningForm({ onResult }: { onResult: (result: ScreeningResult) => void }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const stated = usePurpose();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [purpose, setPurposeText] = useState(stated.purpose ?? '');
  const [tried, setTried] = useState(false);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const units = me?.units ?? [];
  const errors = draftErrors(draft, purpose);
  const set = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }));

  const screen = useMutation({
    mutationFn: () => screenName(inputOf(draft, purpose)),
    onSuccess: (result) => {
      stated.setPurpose(purpose);
      if (result.hits > 0) void queryClient.invalidateQueries({ queryKey: hitKeys.all });
      onResult(result);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!errors.name && !errors.birthYear && !errors.purpose) screen.mutate();
  };
  const shown = (error: string | null, key: string) => (tried && error ? t(key) : null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="screen-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="screen-heading">
            {t('watchlistScreening.form.title')}
          </Title>
          <TextInput
            label={t('watchlistScreening.form.name')}
            description={t('watchlistScreening.form.nameHint')}
            value={draft.name}
            onChange={(event) => set({ name: event.currentTarget.value })}
            maxLength={WATCHLIST_LIMITS.nameLength}
            required
            autoComplete="off"
            dir="auto"
            error={shown(errors.name, 'watchlistScreening.form.nameRequired')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('watchlistScreening.form.birthYear')}
              value={draft.birthYear}
              onChange={(event) => set({ birthYear: event.currentTarget.value.replace(/\D/g, '').slice(0, 4) })}
              inputMode="numeric"
              autoComplete="off"
              dir="ltr"
              placeholder={t('watchlistScreening.notKnown')}
              error={shown(errors.birthYear, 'watchlistScreening.form.birthYearInvalid')}
            />
            <Select
              label={t('watchlistScreening.form.nationality')}
              data={countries}
              value={draft.nationality || null}
              onChange={(nationality) => set({ nationality: nationality ?? '' })}
              placeholder={t('watchlistScreening.notKnown')}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
            />
            <Select
              label={t('watchlistScreening.form.sex')}
              data={ENTRY_SEXES.map((sex) => ({ value: sex, label: t(`watchlistScreening.sex.${sex}`) }))}
              value={draft.sex || null}
              onChange={(sex) => set({ sex: (sex as EntrySex | null) ?? '' })}
              placeholder={t('watchlistScreening.notKnown')}
              clearable
            />
          </Group>
          {units.length > 1 ? (
            <Select
              label={t('watchlistScreening.form.unit')}
              description={t('watchlistScreening.form.unitHint')}
              data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
              value={draft.unitId || units[0]?.id || null}
              onChange={(unitId) => set({ unitId: unitId ?? '' })}
              allowDeselect={false}
            />
          ) : null}
          <PurposeField
            value={purpose}
            onChange={setPurposeText}
            error={tried && errors.purpose ? t(`watchlistPurpose.errors.${errors.purpose}`) : null}
          />
          <ProblemAlert error={screen.error} title={t('watchlistScreening.form.refused')} />
          <Group>
            <Button type="submit" loading={screen.isPending}>
              {t('watchlistScreening.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The ranked candidates, best first, or the plain statement that none came up. */
function Results({ result }: { result: ScreeningResult }) {
  const { t, i18n } = useTranslation();
  const count = result.candidates.length;
  return (
    <Stack component="section" aria-labelledby="results-heading" data-testid="screening-results">
      <Title order={2} size="h4" id="results-heading">
        {t('watchlistScreening.results.title')}
      </Title>
      <Text aria-live="polite" data-testid="results-summary">
        {count === 0
          ? t('watchlistScreening.results.none')
          : `${t('watchlistScreening.results.candidates', { count })} ${t('watchlistScreening.results.hits', { count: result.hits })}`}
      </Text>
      {count > 0 ? (
        <Text size="sm" c="dimmed" data-testid="threshold">
          {t('watchlistScreening.results.threshold', {
            threshold: formatNumber(result.threshold, i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
          })}
        </Text>
      ) : null}
      {count === 0 ? (
        <Alert color="gray" variant="light" data-testid="no-candidates">
          {t('watchlistScreening.results.noneHint')}
        </Alert>
      ) : (
        <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {result.candidates.map((candidate, index) => (
            <CandidateCard key={candidate.entryId} candidate={candidate} rank={index + 1} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** `/screening`: one name against the watch-lists this person may see; every hit opens a review task. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const mayScreen = useCan('screening.run');
  const [result, setResult] = useState<ScreeningResult | null>(null);
  if (!mayScreen) return <NotAllowedPage />;
  return (
    <Stack>
      <PageTitle description={t('watchlistScreening.intro')}>{t('watchlistScreening.title')}</PageTitle>
      <ScreeningNav current="single" />
      <ScreeningForm onResult={setResult} />
      {result ? <Results result={result} /> : null}
    </Stack>
  );
}
