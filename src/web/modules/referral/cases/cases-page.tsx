import { Anchor, Button, Card, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, CASE_TYPES } from '../../../../shared/referral/vocabulary.js';
import { meQuery } from '../../../api/session.js';
import { Bidi } from '../../../app/bidi.js';
import { useCan } from '../../../app/capabilities.js';
import { formatDate } from '../../../app/format.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { type CaseSummary, casePath, casesQuery, type PersonQuery, today } from './cases-api.js';
import type { CaseSearch } from './cases-search.js';
import { AssessmentTag, CaseStatusTag, ChildTag, Reference } from './parts.js';

function Filters({ search, update }: { search: CaseSearch; update: (next: Partial<CaseSearch>) => void }) {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const units = me?.units ?? [];
  return (
    <Group align="flex-end" wrap="wrap">
      {units.length > 1 ? (
        <Select
          label={t('referralCases.fields.ownerUnit')}
          data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          value={search.unit ?? null}
          onChange={(unit) => update({ unit: unit ?? undefined })}
          placeholder={t('common.all')}
          clearable
          miw={220}
        />
      ) : null}
      <Select
        label={t('referralCases.fields.status')}
        data={CASE_STATUSES.map((status) => ({ value: status, label: t(`referralCases.status.${status}`) }))}
        value={search.status ?? null}
        onChange={(status) => update({ status: (status as CaseSearch['status']) ?? undefined })}
        placeholder={t('common.all')}
        clearable
        miw={160}
      />
      <Select
        label={t('referralCases.fields.caseType')}
        data={CASE_TYPES.map((type) => ({ value: type, label: t(`referralCases.caseType.${type}`) }))}
        value={search.type ?? null}
        onChange={(type) => update({ type: (type as CaseSearch['type']) ?? undefined })}
        placeholder={t('common.all')}
        clearable
        miw={220}
      />
    </Group>
  );
}

/**
 * Finding a person: by whole name parts or by date of birth, compared by the server as keyed hashes
 * (the blind index). What is typed stays in this form's state: never in the address bar.
 */
function PersonSearch({ onSearch }: { onSearch: (query: PersonQuery) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ q: name.trim() || undefined, dateOfBirth: dateOfBirth || undefined });
  };
  const clear = () => {
    setName('');
    setDateOfBirth('');
    onSearch({});
  };
  return (
    <search aria-label={t('referralCases.search.label')}>
      <form onSubmit={submit}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('referralCases.search.name')}
            description={t('referralCases.search.nameHint')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={200}
            autoComplete="off"
            dir="auto"
            miw={260}
          />
          <TextInput
            type="date"
            label={t('referralCases.search.dateOfBirth')}
            value={dateOfBirth}
            max={today()}
            onChange={(event) => setDateOfBirth(event.currentTarget.value)}
          />
          <Button type="submit">{t('referralCases.search.submit')}</Button>
          <Button variant="default" onClick={clear}>
            {t('referralCases.search.clear')}
          </Button>
        </Group>
      </form>
    </search>
  );
}

function Row({ item }: { item: CaseSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.Tr data-testid="case-row">
      <Table.Td>
        <Anchor component={Link} to={casePath(item.id)} fw={600}>
          <Reference>{item.reference}</Reference>
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {t(`referralCases.caseType.${item.caseType}`)}
          {item.isChild ? <ChildTag /> : null}
        </Group>
      </Table.Td>
      <Table.Td>
        <CaseStatusTag status={item.status} />
      </Table.Td>
      <Table.Td>
        <Bidi>{item.ownerUnit.name}</Bidi>
      </Table.Td>
      <Table.Td>
        <AssessmentTag assessment={item.latestAssessment} />
      </Table.Td>
      <Table.Td>{t('referralCases.list.openReferrals', { count: item.openReferrals })}</Table.Td>
      <Table.Td>
        <time dateTime={item.updatedAt}>{formatDate(item.updatedAt, i18n.language)}</time>
      </Table.Td>
    </Table.Tr>
  );
}

/** The cases of my units (a supervisor: of my organisation), without any personal field. */
export function CasesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/cases' });
  const navigate = useNavigate({ from: '/cases' });
  const mayCreate = useCan('case.create');
  const [person, setPerson] = useState<PersonQuery>({});
  const update = (next: Partial<CaseSearch>) =>
    navigate({ search: (current: CaseSearch) => ({ ...current, ...next }), replace: true });
  const list = useInfiniteQuery({ ...casesQuery(search, person), placeholderData: keepPreviousData });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const searching = !!(person.q || person.dateOfBirth);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle description={t('referralCases.list.description')}>{t('referralCases.list.title')}</PageTitle>
        {mayCreate ? (
          <Button component={Link} to="/cases/new">
            {t('referralCases.list.create')}
          </Button>
        ) : null}
      </Group>
      <Card withBorder padding="md" component="section" aria-label={t('referralCases.filters.label')}>
        <Stack>
          <Filters search={search} update={update} />
          <PersonSearch onSearch={setPerson} />
        </Stack>
      </Card>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" role="status" data-testid="cases-count">
          {list.data
            ? searching
              ? t('referralCases.list.found', { count: items.length })
              : t('referralCases.list.shown', { count: items.length })
            : ''}
        </Text>
        {list.isFetching ? <Loader size="xs" aria-label={t('referralCases.loading')} /> : null}
      </Group>
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 ? (
        <Text c="dimmed">{searching ? t('referralCases.list.noMatch') : t('referralCases.list.empty')}</Text>
      ) : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={860}>
          <Table striped aria-label={t('referralCases.list.title')} data-testid="cases-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('referralCases.fields.reference')}</Table.Th>
                <Table.Th scope="col">{t('referralCases.fields.caseType')}</Table.Th>
                <Table.Th scope="col">{t('referralCases.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('referralCases.fields.ownerUnit')}</Table.Th>
                <Table.Th scope="col">{t('referralCases.fields.latestAssessment')}</Table.Th>
                <Table.Th scope="col">{t('referralCases.fields.openReferrals')}</Table.Th>
                <Table.Th scope="col">{t('referralCases.fields.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Row key={item.id} item={item} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.hasNextPage ? (
        <Group>
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('referralCases.list.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
