import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionStatus, CommitmentStatus, IndicatorTrend } from '../../../../shared/followup/vocabulary.js';
import { Ltr } from '../../../app/bidi.js';
import { type OrganisationRef, organisationsQuery, plansQuery } from './commitments-api.js';
import './commitments.css';

type Colour = 'blue' | 'green' | 'red' | 'amber' | 'grey';
type Option = { value: string; label: string };

const COMMITMENT_COLOURS: Record<CommitmentStatus, Colour> = { active: 'blue', completed: 'green', cancelled: 'grey' };
const ACTION_COLOURS: Record<ActionStatus, Colour> = {
  planned: 'grey',
  in_progress: 'blue',
  done: 'green',
  delayed: 'amber',
  cancelled: 'grey',
};
const TREND_COLOURS: Record<IndicatorTrend, Colour> = { achieved: 'green', on_track: 'blue', off_track: 'red', no_data: 'grey' };

function Tag({ colour, children, testId }: { colour: Colour; children: string; testId?: string }) {
  return (
    <span className={`fu-tag fu-tag-${colour}`} data-testid={testId}>
      {children}
    </span>
  );
}

export function CommitmentStatusTag({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag colour={COMMITMENT_COLOURS[status]} testId="commitment-status">
      {t(`followupCommitments.status.${status}`)}
    </Tag>
  );
}

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag colour={ACTION_COLOURS[status]} testId="action-status">
      {t(`followupCommitments.actionStatus.${status}`)}
    </Tag>
  );
}

export function OverdueTag() {
  const { t } = useTranslation();
  return <Tag colour="red">{t('followupCommitments.actions.overdue')}</Tag>;
}

export function TrendTag({ trend }: { trend: IndicatorTrend }) {
  const { t } = useTranslation();
  return (
    <Tag colour={TREND_COLOURS[trend]} testId="indicator-trend">
      {t(`followupCommitments.trend.${trend}`)}
    </Tag>
  );
}

/** "Name (ACR)": the name as the organisation writes it, isolated from the sentence around it. */
export function organisationLabel(organisation: Pick<OrganisationRef, 'name' | 'acronym'>): string {
  return organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name;
}

/** Labels of action-plan references (`CAP:objective:3` → "Objective 3 — …") in the reader's language. */
export function useReferenceLabel() {
  const { i18n } = useTranslation();
  const plans = useQuery(plansQuery);
  return useMemo(() => {
    const language = (['en', 'fr', 'ar'] as const).find((code) => code === i18n.language) ?? 'en';
    const labels = new Map<string, string>();
    for (const plan of plans.data?.plans ?? []) {
      labels.set(plan.plan, plan.label[language]);
      for (const part of plan.parts) labels.set(part.reference, part.label[language]);
    }
    return (reference: string) => labels.get(reference) ?? '';
  }, [plans.data, i18n.language]);
}

/** A reference as its code (always Latin, left to right) followed by its label. */
export function ReferenceName({ reference }: { reference: string }) {
  const label = useReferenceLabel()(reference);
  return (
    <span>
      <Ltr>{reference}</Ltr>
      {label ? <> — {label}</> : null}
    </span>
  );
}

/** The action plans and their parts, grouped by plan, as options of a picker. */
export function useReferenceOptions() {
  const { i18n } = useTranslation();
  const plans = useQuery(plansQuery);
  return useMemo(() => {
    const language = (['en', 'fr', 'ar'] as const).find((code) => code === i18n.language) ?? 'en';
    return (plans.data?.plans ?? []).map((plan) => ({
      group: `${plan.plan} — ${plan.label[language]}`,
      items: plan.parts.map((part) => ({ value: part.reference, label: `${part.reference} — ${part.label[language]}` })),
    }));
  }, [plans.data, i18n.language]);
}

/** Options found by the server for a typed text, plus the chosen ones (which stay listed with their names). */
function useFoundOrganisations(chosen: Option[]) {
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const found = useQuery({ ...organisationsQuery(typed), placeholderData: keepPreviousData });
  const data = useMemo(() => {
    const options = new Map(chosen.map((option) => [option.value, option]));
    for (const organisation of found.data ?? []) {
      if (!options.has(organisation.id)) {
        options.set(organisation.id, { value: organisation.id, label: organisationLabel(organisation) });
      }
    }
    return [...options.values()];
  }, [found.data, chosen]);
  return { data, search, setSearch, loading: found.isFetching };
}

interface OrganisationsPickerProps {
  label: string;
  description?: string;
  value: Option[];
  onChange: (value: Option[]) => void;
  /** An organisation that cannot be picked (the lead, listed anyway). */
  exclude?: string;
  error?: string | null;
}

/** Partner organisations, searched on the server by name, acronym or country as one types. */
export function OrganisationsPicker({ label, description, value, onChange, exclude, error }: OrganisationsPickerProps) {
  const { t } = useTranslation();
  const found = useFoundOrganisations(value);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={found.data.filter((option) => option.value !== exclude)}
      value={value.map((option) => option.value)}
      onChange={(ids) => onChange(ids.map((id) => found.data.find((option) => option.value === id) ?? { value: id, label: id }))}
      searchable
      searchValue={found.search}
      onSearchChange={found.setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('common.nothingFound')}
      hidePickedOptions
      clearable
      error={error}
      data-testid="organisations-picker"
    />
  );
}

/** One organisation, searched on the server (the list's filter). */
export function OrganisationSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Option[]>([]);
  const found = useFoundOrganisations(chosen);
  return (
    <Select
      label={t('followupCommitments.filters.organisation')}
      data={found.data}
      value={value ?? null}
      onChange={(id, option) => {
        setChosen(option ? [option] : []);
        onChange(id ?? undefined);
      }}
      searchable
      searchValue={found.search}
      onSearchChange={found.setSearch}
      filter={({ options }) => options}
      placeholder={t('common.all')}
      nothingFoundMessage={t('common.nothingFound')}
      clearable
      miw={220}
    />
  );
}
