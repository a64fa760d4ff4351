import { Anchor, Button, Card, Checkbox, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTION_PLANS,
  COMMITMENT_STATUSES,
  FOLLOWUP_EXPORT_KINDS,
  type FollowupExportKind,
} from '../../../../shared/followup/vocabulary.js';
import { useCan } from '../../../app/capabilities.js';
import { formatDate, formatNumber } from '../../../app/format.js';
import { ListPagination } from '../../../app/list-pagination.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { type CommitmentSummary, commitmentPath, commitmentsQuery, exportLink, PAGE_SIZE } from './commitments-api.js';
import type { CommitmentSearch } from './commitments-search.js';
import { CommitmentStatusTag, OrganisationSelect, organisationLabel, useReferenceOptions } from './parts.js';

function Filters({ search, update }: { search: CommitmentSearch; update: (next: Partial<CommitmentSearch>) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(search.q ?? '');
  const [typed] = useDebouncedValue(text, 300);
  useEffect(() => {
    if ((typed.trim() || undefined) !== search.q) update({ q: typed.trim() || undefined });
    // Only a change of the typed text moves the address.
  }, [typed]);
  const references = useReferenceOptions().filter((group) => !search.plan || group.group.startsWith(`${search.plan} `));
  return (
    <Card withBorder padding="md" component="section" aria-label={t('followupCommitments.filters.label')}>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('followupCommitments.filters.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={200}
          miw={220}
        />
        <OrganisationSelect value={search.organisation} onChange={(organisation) => update({ organisation })} />
        <Select
          label={t('followupCommitments.filters.plan')}
          data={ACTION_PLANS.map((plan) => ({ value: plan, label: t(`followupCommitments.plans.${plan}`) }))}
          value={search.plan ?? null}
          onChange={(plan) => update({ plan: (plan as CommitmentSearch['plan']) ?? undefined, reference: undefined })}
          placeholder={t('common.all')}
          clearable
          miw={180}
        />
        <Select
          label={t('followupCommitments.filters.reference')}
          data={references}
          value={search.reference ?? null}
          onChange={(reference) => update({ reference: reference ?? undefined })}
          placeholder={t('common.all')}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          miw={220}
        />
        <Select
          label={t('followupCommitments.filters.status')}
          data={COMMITMENT_STATUSES.map((status) => ({ value: status, label: t(`followupCommitments.status.${status}`) }))}
          value={search.status ?? null}
          onChange={(status) => update({ status: (status as CommitmentSearch['status']) ?? undefined })}
          placeholder={t('common.all')}
          clearable
          miw={160}
        />
        <Checkbox
          label={t('followupCommitments.filters.mine')}
          checked={!!search.mine}
          onChange={(event) => update({ mine: event.currentTarget.checked || undefined })}
          mb={8}
        />
      </Group>
    </Card>
  );
}

function ExportLinks({ search }: { search: CommitmentSearch }) {
  const { t, i18n } = useTranslation();
  const lang = ['en', 'fr', 'ar'].includes(i18n.language) ? i18n.language : undefined;
  const link = (kind: FollowupExportKind, format: 'csv' | 'json') => (
    <Anchor
      key={`${kind}-${format}`}
      href={exportLink(search, kind, format, lang)}
      download
      size="sm"
      fw={600}
      aria-label={t('followupCommitments.export.link', {
        kind: t(`followupCommitments.export.kind.${kind}`),
        format: format.toUpperCase(),
      })}
    >
      {format.toUpperCase()}
    </Anchor>
  );
  return (
    <Group gap="md" role="group" aria-labelledby="fu-export-label" wrap="wrap">
      <Text component="span" size="sm" fw={600} id="fu-export-label">
        {t('followupCommitments.export.label')}
      </Text>
      {FOLLOWUP_EXPORT_KINDS.map((kind) => (
        <Group key={kind} gap={6}>
          <Text component="span" size="sm">
            {t(`followupCommitments.export.kind.${kind}`)}
          </Text>
          {link(kind, 'csv')}
          {link(kind, 'json')}
        </Group>
      ))}
    </Group>
  );
}

function Row({ commitment }: { commitment: CommitmentSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const open = commitment.actions.planned + commitment.actions.in_progress + commitment.actions.delayed;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={commitmentPath(commitment.id)} fw={600} dir="auto">
          {commitment.title}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <bdi>{organisationLabel(commitment.lead)}</bdi>
      </Table.Td>
      <Table.Td>
        <CommitmentStatusTag status={commitment.status} />
      </Table.Td>
      <Table.Td>
        {formatDate(commitment.startsOn, language)} – {formatDate(commitment.endsOn, language)}
      </Table.Td>
      <Table.Td>
        {t('followupCommitments.list.openActions', { count: open })}
        {commitment.overdueActions > 0 ? (
          <Text component="span" size="sm" c="red.9" fw={600}>
            {' '}
            ({t('followupCommitments.list.overdueActions', { count: commitment.overdueActions })})
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {t('followupCommitments.list.indicators', {
          count: commitment.indicators.total,
          offTrack: formatNumber(commitment.indicators.offTrack, language),
        })}
      </Table.Td>
    </Table.Tr>
  );
}

/** Commitments the reader may see, filtered from the address, with counts, paging and exports. */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/followup/commitments' });
  const navigate = useNavigate({ from: '/followup/commitments' });
  const mayCreate = useCan('commitment.create');
  const update = (next: Partial<CommitmentSearch>) =>
    navigate({ search: (current: CommitmentSearch) => ({ ...current, page: undefined, ...next }), replace: true });
  const list = useQuery({ ...commitmentsQuery(search), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle description={t('followupCommitments.list.description')}>{t('followupCommitments.list.title')}</PageTitle>
        {mayCreate ? (
          <Button component={Link} to="/followup/commitments/new">
            {t('followupCommitments.list.create')}
          </Button>
        ) : null}
      </Group>
      <Filters search={search} update={update} />
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" role="status" data-testid="commitments-count">
          {list.data ? t('followupCommitments.list.count', { count: list.data.total }) : ''}
        </Text>
        {list.isFetching ? <Loader size="xs" aria-label={t('followupCommitments.loading')} /> : null}
        <ExportLinks search={search} />
      </Group>
      <ProblemAlert error={list.error} />
      {list.data?.items.length === 0 ? <Text c="dimmed">{t('followupCommitments.list.empty')}</Text> : null}
      {list.data?.items.length ? (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label={t('followupCommitments.list.title')} data-testid="commitments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followupCommitments.fields.title')}</Table.Th>
                <Table.Th scope="col">{t('followupCommitments.fields.lead')}</Table.Th>
                <Table.Th scope="col">{t('followupCommitments.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('followupCommitments.fields.period')}</Table.Th>
                <Table.Th scope="col">{t('followupCommitments.fields.actions')}</Table.Th>
                <Table.Th scope="col">{t('followupCommitments.fields.indicators')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((commitment) => (
                <Row key={commitment.id} commitment={commitment} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ListPagination
        pages={pages}
        page={search.page ?? 1}
        onChange={(page) =>
          navigate({ search: (current: CommitmentSearch) => ({ ...current, page: page > 1 ? page : undefined }) })
        }
      />
    </Stack>
  );
}
