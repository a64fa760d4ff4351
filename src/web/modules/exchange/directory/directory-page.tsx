import { Button, Card, Group, Loader, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { meQuery } from '../../../api/session.js';
import { can } from '../../../app/capabilities.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { countryOptions } from '../../../i18n/index.js';
import {
  type DirectorySearch,
  type FunctionPage,
  functionsRequest,
  getMyLanguages,
  languageOptions,
  putMyLanguages,
} from './directory-api.js';
import { FunctionCard } from './function-card.js';
import { NewFunctionForm } from './new-function-form.js';
import { useKindOptions, useThemeOptions } from './options.js';
import './directory.css';

interface FiltersProps {
  search: DirectorySearch;
  onChange: (search: DirectorySearch) => void;
  text: string;
  onText: (text: string) => void;
}

function Filters({ search, onChange, text, onText }: FiltersProps) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const languages = useMemo(() => languageOptions(i18n.language), [i18n.language]);
  const kinds = useKindOptions();
  const themes = useThemeOptions();
  const select = (key: keyof DirectorySearch, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      placeholder={t('common.all')}
      data={data}
      value={search[key] ?? null}
      onChange={(value) => onChange({ ...search, [key]: value ?? undefined })}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
    />
  );
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="directory-filters">
      <Title order={2} size="h4" id="directory-filters" mb="sm">
        {t('directory.filters')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
        <TextInput
          type="search"
          label={t('directory.search')}
          value={text}
          onChange={(event) => onText(event.currentTarget.value)}
          maxLength={200}
        />
        {select('country', t('directory.country'), countries)}
        {select('kind', t('directory.kind'), kinds)}
        {select('theme', t('directory.theme'), themes)}
        {select('language', t('directory.language'), languages)}
      </SimpleGrid>
    </Card>
  );
}

/** The signed-in person's own languages, which make their functions findable by language. */
function MyLanguages() {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => languageOptions(i18n.language), [i18n.language]);
  const mine = useQuery({
    queryKey: ['directory', 'me', 'languages'],
    queryFn: getMyLanguages,
  });
  const [value, setValue] = useState<string[] | null>(null);
  const save = useMutation({ mutationFn: putMyLanguages, onSuccess: (answer) => setValue(answer.languages) });
  const current = value ?? mine.data?.languages ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="my-languages">
      <Title order={2} size="h4" id="my-languages">
        {t('directory.myLanguages.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('directory.myLanguages.hint')}
      </Text>
      <Stack
        component="form"
        gap="sm"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(current);
        }}
      >
        <ProblemAlert error={save.error ?? mine.error} />
        <MultiSelect
          label={t('directory.myLanguages.label')}
          data={options}
          value={current}
          onChange={(next) => {
            save.reset();
            setValue(next);
          }}
          searchable
          maxValues={12}
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={mine.isPending}>
            {t('directory.myLanguages.save')}
          </Button>
          {save.isSuccess ? (
            <Text size="sm" role="status">
              {t('directory.myLanguages.saved')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** `/directory`: find functions by country, kind, theme, language or text; set one's own languages. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [filters, setFilters] = useState<DirectorySearch>({});
  const [text, setText] = useState('');
  // Typing waits for a pause before it asks the server.
  const [q] = useDebouncedValue(text.trim(), 250);
  const search = { ...filters, q: q || undefined };
  const [creating, setCreating] = useState(false);
  const results = useQuery({
    queryKey: ['directory', 'functions', search],
    queryFn: () => api.get<FunctionPage>(functionsRequest(search)),
    placeholderData: (previous) => previous,
  });
  return (
    <Stack>
      <PageTitle description={t('directory.intro')}>{t('directory.title')}</PageTitle>
      {can(me, 'directory.manage') ? (
        <Group>
          <Button onClick={() => setCreating(true)}>{t('directory.newFunction.open')}</Button>
        </Group>
      ) : null}
      {creating && me ? <NewFunctionForm me={me} onClose={() => setCreating(false)} /> : null}
      <Filters search={filters} onChange={setFilters} text={text} onText={setText} />
      <section aria-labelledby="directory-results">
        <Title order={2} size="h4" id="directory-results" mb="sm">
          {t('directory.results')}
        </Title>
        <ProblemAlert error={results.error} />
        {results.isPending ? (
          <Loader size="sm" aria-label={t('knowledge.loading')} />
        ) : results.data ? (
          <Stack gap="sm">
            <Text role="status" size="sm">
              {t('directory.count', { count: results.data.total })}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {results.data.items.map((fn) => (
                <FunctionCard key={fn.id} fn={fn} />
              ))}
            </SimpleGrid>
          </Stack>
        ) : null}
      </section>
      <MyLanguages />
    </Stack>
  );
}
