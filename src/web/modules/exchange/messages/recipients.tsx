import {
  type ComboboxItem,
  type ComboboxParsedItem,
  defaultOptionsFilter,
  isOptionsGroup,
  MultiSelect,
  type OptionsFilter,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/page.js';
import { type Message, sharingGroupsQuery, unitSearchQuery, unitsQuery } from './messages-api.js';

type Option = { value: string; label: string };

/**
 * Units grouped by organisation (and each whole organisation), sharing groups, all partners and,
 * for messages, the functions of the directory (a function reaches its unit's inbox).
 */
function useRecipientOptions(withFunctions: boolean) {
  const { t, i18n } = useTranslation();
  const units = useQuery(unitsQuery);
  const groups = useQuery(sharingGroupsQuery);
  const data = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    const byOrganisation = new Map<string, { name: string; id: string; items: Option[] }>();
    const functions: Option[] = [];
    for (const unit of units.data?.items ?? []) {
      const organisation = unit.organisation;
      const short = organisation.acronym ?? organisation.name;
      const entry = byOrganisation.get(organisation.id) ?? { name: organisation.name, id: organisation.id, items: [] };
      entry.items.push({
        value: `unit:${unit.id}`,
        label: t('messages.recipients.unit', { unit: unit.name, organisation: short }),
      });
      byOrganisation.set(organisation.id, entry);
      for (const fn of unit.functions ?? []) {
        functions.push({
          value: `function:${fn.id}`,
          label: t('messages.recipients.function', { title: fn.title, unit: unit.name, organisation: short }),
        });
      }
    }
    const organisations = [...byOrganisation.values()].sort((a, b) => collator.compare(a.name, b.name));
    functions.sort((a, b) => collator.compare(a.label, b.label));
    return [
      {
        group: t('messages.recipients.everyone'),
        items: [{ value: 'all_partners', label: t('messages.recipients.allPartners') }],
      },
      {
        group: t('messages.recipients.sharingGroups'),
        items: (groups.data?.items ?? []).map((group) => ({ value: `sharing_group:${group.id}`, label: group.name })),
      },
      { group: t('messages.recipients.functions'), items: withFunctions ? functions : [] },
      ...organisations.map((organisation) => ({
        group: organisation.name,
        items: [
          {
            value: `organisation:${organisation.id}`,
            label: t('messages.recipients.wholeOrganisation', { organisation: organisation.name }),
          },
          ...organisation.items,
        ],
      })),
    ].filter((group) => group.items.length > 0);
  }, [units.data, groups.data, withFunctions, t, i18n.language]);
  return { data, error: units.error ?? groups.error, loading: units.isPending || groups.isPending };
}

interface RecipientPickerProps {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | null;
  /** Offer the directory's functions too (messages take them; alerts do not). */
  withFunctions?: boolean;
}

/**
 * What the server found for the typed text (a country named in any language, an organisation,
 * its acronym, a unit or a function): its units, their organisations and functions stay in the
 * list — an organisation found shows all its units under it. Everything else (all partners,
 * sharing groups) is matched on its label here.
 */
function useServerFilter(search: string): OptionsFilter {
  const [q] = useDebouncedValue(search.trim(), 200);
  const found = useQuery({ ...unitSearchQuery(q), enabled: q !== '', placeholderData: keepPreviousData });
  return useMemo(() => {
    const units = found.data?.items;
    if (!q || !units) return defaultOptionsFilter as OptionsFilter;
    const keep = new Set<string>();
    for (const unit of units) {
      keep.add(`unit:${unit.id}`).add(`organisation:${unit.organisation.id}`);
      for (const fn of unit.functions ?? []) keep.add(`function:${fn.id}`);
    }
    return (input) => {
      const local = new Set(
        defaultOptionsFilter({ ...input, limit: Number.POSITIVE_INFINITY }).flatMap((item) =>
          isOptionsGroup(item) ? item.items.map((option) => option.value) : [item.value],
        ),
      );
      const matches = (option: ComboboxItem) => keep.has(option.value) || local.has(option.value);
      return input.options.flatMap((item): ComboboxParsedItem[] => {
        if (!isOptionsGroup(item)) return matches(item) ? [item] : [];
        const items = item.items.filter(matches);
        return items.length > 0 ? [{ ...item, items }] : [];
      });
    };
  }, [q, found.data]);
}

export function RecipientPicker({ value, onChange, error, withFunctions = false }: RecipientPickerProps) {
  const { t } = useTranslation();
  const options = useRecipientOptions(withFunctions);
  const [search, setSearch] = useState('');
  const filter = useServerFilter(search);
  return (
    <>
      <MultiSelect
        searchValue={search}
        onSearchChange={setSearch}
        filter={filter}
        label={t('messages.compose.recipients')}
        description={withFunctions ? t('messages.compose.recipientsHintFunctions') : t('messages.compose.recipientsHint')}
        data={options.data}
        value={value}
        onChange={onChange}
        searchable
        clearable
        required
        disabled={options.loading}
        nothingFoundMessage={t('common.nothingFound')}
        error={error}
      />
      <ProblemAlert error={options.error} />
    </>
  );
}

export interface RecipientNames {
  /** Every recipient of the message, by name, in the order of its distribution. */
  all: string[];
  /** The functions it was addressed to, as "title — unit". */
  functions: string[];
}

/**
 * Names of a message's recipients, from the directory and the sharing groups. The stored
 * distribution also holds the unit of each function and the organisation of each unit: those are
 * left out, so "To:" reads as the sender chose. Ids the reader cannot resolve are left out too.
 */
export function useRecipientNames() {
  const { t } = useTranslation();
  const units = useQuery(unitsQuery);
  const groups = useQuery(sharingGroupsQuery);
  return useMemo(() => {
    const unitById = new Map((units.data?.items ?? []).map((unit) => [unit.id, unit]));
    const organisationNames = new Map<string, string>();
    const functionById = new Map<string, { label: string; unitId: string }>();
    for (const unit of unitById.values()) {
      organisationNames.set(unit.organisation.id, unit.organisation.acronym ?? unit.organisation.name);
      for (const fn of unit.functions ?? []) {
        functionById.set(fn.id, {
          label: t('messages.recipients.functionShort', { title: fn.title, unit: unit.name }),
          unitId: unit.id,
        });
      }
    }
    const groupNames = new Map((groups.data?.items ?? []).map((group) => [group.id, group.name]));
    return (distribution: Message['distribution']): RecipientNames => {
      const functions = (distribution.functions ?? []).flatMap((id) => functionById.get(id) ?? []);
      const viaFunction = new Set(functions.map((fn) => fn.unitId));
      const namedUnits = distribution.units.flatMap((id) => (viaFunction.has(id) ? [] : (unitById.get(id) ?? [])));
      const viaUnit = new Set([
        ...namedUnits.map((unit) => unit.organisation.id),
        ...functions.map((fn) => unitById.get(fn.unitId)?.organisation.id),
      ]);
      const all = [
        ...(distribution.allPartners ? [t('messages.recipients.allPartners')] : []),
        ...distribution.sharingGroups.flatMap((id) => groupNames.get(id) ?? []),
        ...functions.map((fn) => fn.label),
        ...namedUnits.map((unit) =>
          t('messages.recipients.unit', { unit: unit.name, organisation: organisationNames.get(unit.organisation.id) }),
        ),
        ...distribution.organisations.flatMap((id) => (viaUnit.has(id) ? [] : (organisationNames.get(id) ?? []))),
      ];
      return { all, functions: functions.map((fn) => fn.label) };
    };
  }, [units.data, groups.data, t]);
}
