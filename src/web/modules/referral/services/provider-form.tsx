import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunctionPage, UnitList } from '../../../../shared/exchange/directory/contract.js';
import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import { api, withQuery } from '../../../api/client.js';
import { isPlatformAdmin, meQuery } from '../../../api/session.js';
import { ProblemAlert } from '../../../app/page.js';
import { problemMessage } from '../../../app/problem-message.js';
import { countryOptions } from '../../../i18n/index.js';
import { DIRECTORY_API, languageOptions } from '../../exchange/directory/directory-api.js';
import { problemOf } from '../../exchange/problems.js';
import {
  type PlaceInput,
  PROVIDER_KINDS,
  type ProviderInput,
  type ProviderKind,
  SERVICE_TYPES,
  type ServiceProvider,
  type ServiceType,
} from './services-api.js';

const emptyPlace = (): PlaceInput => ({ country: '', region: '', city: '', latitude: null, longitude: null });

/** The form's starting values: an existing entry's, or an empty one. */
export function initialInput(provider?: ServiceProvider): ProviderInput {
  if (!provider) {
    return {
      name: '',
      kind: 'independent',
      organisationId: null,
      unitId: null,
      contactFunctionId: null,
      description: '',
      services: [],
      languages: [],
      openingHours: '',
      capacity: null,
      places: [emptyPlace()],
    };
  }
  return {
    name: provider.name,
    kind: provider.kind,
    organisationId: provider.organisation?.id ?? null,
    unitId: provider.unit?.id ?? null,
    contactFunctionId: provider.contactFunction?.id ?? null,
    description: provider.description,
    services: provider.services,
    languages: provider.languages,
    openingHours: provider.openingHours,
    capacity: provider.capacity,
    places: provider.places.map(({ id: _id, ...place }) => place),
  };
}

/** Units of the entry's managing organisation (a platform administrator's: all), and every function of the directory. */
function useDirectoryOptions(organisationId: string | undefined) {
  const units = useQuery({
    queryKey: ['referral', 'services', 'units', organisationId ?? 'all'],
    queryFn: async () => {
      const answer = await api.get<UnitList>(withQuery(`${DIRECTORY_API}/units`, { organisation: organisationId }));
      return answer.items.map((unit) => ({
        value: unit.id,
        label: `${unit.name} — ${unit.organisation.acronym ?? unit.organisation.name}`,
      }));
    },
  });
  const functions = useQuery({
    queryKey: ['referral', 'services', 'functions'],
    queryFn: async () => {
      const answer = await api.get<FunctionPage>(withQuery(`${DIRECTORY_API}/functions`, { limit: 200 }));
      return answer.items.map((item) => ({
        value: item.id,
        label: `${item.title} — ${item.unit.name} (${item.organisation.acronym ?? item.organisation.name})`,
      }));
    },
  });
  return { units, functions };
}

function PlaceFields({
  place,
  number,
  onChange,
  onRemove,
}: {
  place: PlaceInput;
  number: number;
  onChange: (place: PlaceInput) => void;
  onRemove: (() => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const coordinate = (value: string | number) => (value === '' ? null : Number(value));
  const halfGiven = (place.latitude === null) !== (place.longitude === null);
  return (
    <Card withBorder padding="sm" component="section" aria-label={t('referralServices.form.place', { number })}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm" component="h3" m={0}>
            {t('referralServices.form.place', { number })}
          </Text>
          {onRemove ? (
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('referralServices.form.removePlace', { number })}
            >
              ×
            </ActionIcon>
          ) : null}
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('referralServices.form.country')}
            data={countries}
            value={place.country || null}
            onChange={(value) => onChange({ ...place, country: value ?? '' })}
            searchable
            required
            nothingFoundMessage={t('common.nothingFound')}
          />
          <TextInput
            label={t('referralServices.form.region')}
            value={place.region}
            maxLength={200}
            onChange={(event) => onChange({ ...place, region: event.currentTarget.value })}
          />
          <TextInput
            label={t('referralServices.form.city')}
            value={place.city}
            maxLength={200}
            onChange={(event) => onChange({ ...place, city: event.currentTarget.value })}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('referralServices.form.latitude')}
            description={t('referralServices.form.coordinatesHint')}
            value={place.latitude ?? ''}
            min={-90}
            max={90}
            decimalScale={6}
            onChange={(value) => onChange({ ...place, latitude: coordinate(value) })}
            error={halfGiven ? t('referralServices.form.coordinatesPair') : null}
            dir="ltr"
          />
          <NumberInput
            label={t('referralServices.form.longitude')}
            value={place.longitude ?? ''}
            min={-180}
            max={180}
            decimalScale={6}
            onChange={(value) => onChange({ ...place, longitude: coordinate(value) })}
            dir="ltr"
          />
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * Adding or editing a directory entry. The server decides again and names what it refuses: an
 * unknown or foreign unit, organisation or function is shown at its field, anything else above the
 * buttons.
 */
export function ProviderForm({
  initial,
  submitLabel,
  save,
  onSaved,
  onCancel,
  managedBy,
}: {
  initial: ProviderInput;
  submitLabel: string;
  save: (input: ProviderInput) => Promise<ServiceProvider>;
  onSaved: (provider: ServiceProvider) => void;
  onCancel: () => void;
  /** The organisation that keeps the entry (the signed-in person's for a new one). */
  managedBy: { id: string; name: string };
}) {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [input, setInput] = useState<ProviderInput>(initial);
  const [tried, setTried] = useState(false);
  const { units, functions } = useDirectoryOptions(isPlatformAdmin(me) ? undefined : managedBy.id);
  const languages = useMemo(() => languageOptions(i18n.language), [i18n.language]);
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved });
  const refused = problemOf(mutation.error, REFERRAL_PROBLEMS);
  const set = (next: Partial<ProviderInput>) => setInput((current) => ({ ...current, ...next }));
  const setKind = (kind: ProviderKind) =>
    set({ kind, unitId: kind === 'unit' ? input.unitId : null, organisationId: kind === 'organisation' ? managedBy.id : null });

  const missing =
    !input.name.trim() ||
    input.services.length === 0 ||
    input.places.some((place) => !place.country || (place.latitude === null) !== (place.longitude === null)) ||
    (input.kind === 'unit' && !input.unitId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing) return;
    mutation.mutate({
      ...input,
      name: input.name.trim(),
      organisationId: input.kind === 'organisation' ? (input.organisationId ?? managedBy.id) : null,
      unitId: input.kind === 'unit' ? input.unitId : null,
      places: input.places.map((place) => ({ ...place, region: place.region.trim(), city: place.city.trim() })),
    });
  };
  const required = (empty: boolean) => (tried && empty ? t('referralServices.form.required') : null);

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={820}>
        <TextInput
          label={t('referralServices.form.name')}
          value={input.name}
          maxLength={300}
          required
          onChange={(event) => set({ name: event.currentTarget.value })}
          error={required(!input.name.trim())}
        />
        <Select
          label={t('referralServices.form.kind')}
          data={PROVIDER_KINDS.map((kind) => ({ value: kind, label: t(`referralServices.kind.${kind}`) }))}
          value={input.kind}
          onChange={(value) => value && setKind(value as ProviderKind)}
          allowDeselect={false}
          description={t('referralServices.form.organisationHint', { organisation: managedBy.name })}
          error={refused === 'unknown-organisation' ? problemMessage(mutation.error, t) : null}
        />
        {input.kind === 'unit' ? (
          <Select
            label={t('referralServices.form.unit')}
            data={units.data ?? []}
            value={input.unitId}
            onChange={(value) => set({ unitId: value })}
            searchable
            required
            nothingFoundMessage={t('common.nothingFound')}
            error={required(!input.unitId) ?? (refused === 'unknown-unit' ? problemMessage(mutation.error, t) : null)}
          />
        ) : null}
        <Select
          label={t('referralServices.form.contactFunction')}
          description={t('referralServices.form.contactHint')}
          data={functions.data ?? []}
          value={input.contactFunctionId}
          onChange={(value) => set({ contactFunctionId: value })}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          error={refused === 'unknown-function' ? problemMessage(mutation.error, t) : null}
        />
        <MultiSelect
          label={t('referralServices.form.services')}
          data={SERVICE_TYPES.map((need) => ({ value: need, label: t(`referralServices.need.${need}`) }))}
          value={input.services}
          onChange={(value) => set({ services: value as ServiceType[] })}
          searchable
          required
          error={tried && input.services.length === 0 ? t('referralServices.form.servicesMissing') : null}
        />
        <MultiSelect
          label={t('referralServices.form.languages')}
          data={languages}
          value={input.languages}
          onChange={(value) => set({ languages: value })}
          searchable
          maxValues={30}
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('referralServices.form.openingHours')}
            value={input.openingHours}
            maxLength={500}
            onChange={(event) => set({ openingHours: event.currentTarget.value })}
          />
          <NumberInput
            label={t('referralServices.form.capacity')}
            value={input.capacity ?? ''}
            min={0}
            max={1_000_000}
            allowDecimal={false}
            onChange={(value) => set({ capacity: value === '' ? null : Number(value) })}
          />
        </Group>
        <Textarea
          label={t('referralServices.form.description')}
          value={input.description}
          maxLength={4000}
          autosize
          minRows={3}
          onChange={(event) => set({ description: event.currentTarget.value })}
        />
        <Title order={2} size="h4">
          {t('referralServices.form.places')}
        </Title>
        {input.places.map((place, index) => (
          <PlaceFields
            // Places have no id until saved; their position is their identity while editing.
            key={index}
            place={place}
            number={index + 1}
            onChange={(next) => set({ places: input.places.map((item, at) => (at === index ? next : item)) })}
            onRemove={input.places.length > 1 ? () => set({ places: input.places.filter((_, at) => at !== index) }) : null}
          />
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => set({ places: [...input.places, emptyPlace()] })}
            disabled={input.places.length >= 50}
          >
            {t('referralServices.form.addPlace')}
          </Button>
        </Group>
        {refused === 'unknown-unit' || refused === 'unknown-function' || refused === 'unknown-organisation' ? null : (
          <ProblemAlert error={mutation.error} />
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
