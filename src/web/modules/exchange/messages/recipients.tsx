import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/page.js';
import { type Message, sharingGroupsQuery, unitsQuery } from './messages-api.js';

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

export function RecipientPicker({ value, onChange, error, withFunctions = false }: RecipientPickerProps) {
  const { t } = useTranslation();
  const options = useRecipientOptions(withFunctions);
  return (
    <>
      <MultiSelect
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
