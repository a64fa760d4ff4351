import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LINKED_RECOMMENDATIONS } from '../../../../shared/followup/vocabulary.js';
import type { ItemPage } from '../../../../shared/knowledge/contract.js';
import { api } from '../../../api/client.js';
import { itemRequest } from '../../knowledge/items/items.js';
import { recommendationSearchQuery } from './commitments-api.js';
import { useReferenceOptions } from './parts.js';

export type Option = { value: string; label: string };

const SHORT = 110;
const shorten = (text: string) => (text.length > SHORT ? `${text.slice(0, SHORT).trimEnd()}…` : text);
/** A recommendation as a picker names it: the start of its text and its document. */
export const recommendationOption = (item: { id: string; text: string; document: { title: string } }): Option => ({
  value: item.id,
  label: `${shorten(item.text)} — ${item.document.title}`,
});

interface RecommendationsPickerProps {
  value: Option[];
  onChange: (value: Option[]) => void;
  /** A recommendation chosen before the form opened (`?recommendation=<itemId>`), named once loaded. */
  preselected?: string;
  error?: string | null;
}

/** Published recommendations of the library, searched as one types, several to pick. */
export function RecommendationsPicker({ value, onChange, preselected, error }: RecommendationsPickerProps) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 300);
  const found = useQuery({ ...recommendationSearchQuery(typed), placeholderData: keepPreviousData });
  const first = useQuery({
    queryKey: ['knowledge', 'item', preselected, i18n.language],
    queryFn: () => api.get<ItemPage>(itemRequest(preselected ?? '', i18n.language)),
    enabled: !!preselected,
  });
  // The preselected recommendation is chosen once its text is known; the reader may still remove it.
  useEffect(() => {
    const item = first.data;
    if (item?.type === 'recommendation' && !value.some((option) => option.value === item.id)) {
      onChange([...value, recommendationOption(item)]);
    }
  }, [first.data]);
  const data = useMemo(() => {
    const options = new Map(value.map((option) => [option.value, option]));
    for (const item of found.data?.items ?? []) if (!options.has(item.id)) options.set(item.id, recommendationOption(item));
    return [...options.values()];
  }, [found.data, value]);
  return (
    <MultiSelect
      label={t('followupCommitments.form.recommendations')}
      description={t('followupCommitments.form.recommendationsHint')}
      data={data}
      value={value.map((option) => option.value)}
      onChange={(ids) => onChange(ids.map((id) => data.find((option) => option.value === id) ?? { value: id, label: id }))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      maxValues={MAX_LINKED_RECOMMENDATIONS}
      hidePickedOptions
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      error={error}
      data-testid="recommendations-picker"
    />
  );
}

/** Action-plan references (Cadiz and Marrakesh action plans, GCM objectives, JVAP domains). */
export function ReferencesPicker({ value, onChange }: { value: string[]; onChange: (value: string[]) => void }) {
  const { t } = useTranslation();
  const options = useReferenceOptions();
  return (
    <MultiSelect
      label={t('followupCommitments.form.references')}
      description={t('followupCommitments.form.referencesHint')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('common.nothingFound')}
    />
  );
}
