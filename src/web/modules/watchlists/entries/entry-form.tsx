import { ActionIcon, Button, Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import '../watchlists.css';
import { useTranslation } from 'react-i18next';
import {
  ENTRY_SEXES,
  IDENTIFIER_KINDS,
  type IdentifierKind,
  NAME_SCRIPTS,
  type NameScript,
  WATCHLIST_LIMITS,
} from '../../../../shared/watchlists/vocabulary.js';
import { ProblemAlert } from '../../../app/page.js';
import { countryOptions } from '../../../i18n/index.js';
import { addEntry, amendEntry, refreshList, type WatchlistEntry } from './entries-api.js';
import {
  type EntryDraft,
  type EntryErrors,
  emptyEntry,
  entryDraftOf,
  entryErrors,
  entryInputOf,
  hasErrors,
  newIdentifierRow,
  newNameRow,
  typedName,
} from './entry-draft.js';

/**
 * `dir="auto"` on the input element itself: Mantine puts a `dir` prop on the input's wrapper, where the
 * browser cannot see what is typed, so an Arabic name would stay left to right.
 */
export const typedDirection = (input: HTMLInputElement | null) => input?.setAttribute('dir', 'auto');

/** A group of rows under its legend (the native element: read as a group by screen readers). */
function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="watchlist-fieldset">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The names, each with its script (followed as typed until chosen), added and removed by buttons. */
function NameRows({ draft, set, errors }: { draft: EntryDraft; set: (next: Partial<EntryDraft>) => void; errors?: EntryErrors }) {
  const { t } = useTranslation();
  const update = (index: number, next: EntryDraft['names'][number]) =>
    set({ names: draft.names.map((row, at) => (at === index ? next : row)) });
  return (
    <Fieldset legend={t('watchlistEntries.form.names')}>
      <Stack gap="xs">
        {draft.names.map((row, index) => (
          <Group key={row.key} align="flex-start" wrap="nowrap" data-testid="name-row">
            <TextInput
              label={t('watchlistEntries.form.nameN', { n: index + 1 })}
              value={row.name}
              ref={typedDirection}
              onChange={(event) => update(index, typedName(row, event.currentTarget.value))}
              maxLength={WATCHLIST_LIMITS.nameLength}
              required={index === 0}
              autoComplete="off"
              error={errors?.names[index] ?? (index === 0 ? errors?.namesMissing : null)}
              style={{ flex: 1 }}
            />
            <Select
              label={t('watchlistEntries.form.scriptN', { n: index + 1 })}
              data={NAME_SCRIPTS.map((script) => ({ value: script, label: t(`watchlistEntries.script.${script}`) }))}
              value={row.script}
              onChange={(script) =>
                update(index, { ...row, script: (script as NameScript | null) ?? 'latin', scriptChosen: true })
              }
              allowDeselect={false}
              w={150}
            />
            {draft.names.length > 1 ? (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={t('watchlistEntries.form.removeName', { n: index + 1 })}
                onClick={() => set({ names: draft.names.filter((_, at) => at !== index) })}
              >
                ×
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        {draft.names.length < WATCHLIST_LIMITS.names ? (
          <Group>
            <Button variant="default" size="xs" onClick={() => set({ names: [...draft.names, newNameRow()] })}>
              {t('watchlistEntries.form.addName')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/** Document numbers: kind, number and issuing country per row. */
function IdentifierRows({
  draft,
  set,
  errors,
  countries,
}: {
  draft: EntryDraft;
  set: (next: Partial<EntryDraft>) => void;
  errors?: EntryErrors;
  countries: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const update = (index: number, next: Partial<EntryDraft['identifiers'][number]>) =>
    set({ identifiers: draft.identifiers.map((row, at) => (at === index ? { ...row, ...next } : row)) });
  return (
    <Fieldset legend={t('watchlistEntries.form.identifiers')}>
      <Stack gap="xs">
        {draft.identifiers.map((row, index) => (
          <Group key={row.key} align="flex-start" wrap="wrap" data-testid="identifier-row">
            <Select
              label={t('watchlistEntries.form.identifierKindN', { n: index + 1 })}
              data={IDENTIFIER_KINDS.map((kind) => ({ value: kind, label: t(`watchlistEntries.identifierKind.${kind}`) }))}
              value={row.kind}
              onChange={(kind) => update(index, { kind: (kind as IdentifierKind | null) ?? 'other' })}
              allowDeselect={false}
              w={200}
            />
            <TextInput
              label={t('watchlistEntries.form.identifierNumberN', { n: index + 1 })}
              value={row.number}
              onChange={(event) => update(index, { number: event.currentTarget.value })}
              maxLength={100}
              autoComplete="off"
              dir="ltr"
              required
              error={errors?.identifiers[index]}
            />
            <Select
              label={t('watchlistEntries.form.identifierCountryN', { n: index + 1 })}
              data={countries}
              value={row.country || null}
              onChange={(country) => update(index, { country: country ?? '' })}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              w={220}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={t('watchlistEntries.form.removeIdentifier', { n: index + 1 })}
              onClick={() => set({ identifiers: draft.identifiers.filter((_, at) => at !== index) })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {draft.identifiers.length < WATCHLIST_LIMITS.identifiers ? (
          <Group>
            <Button variant="default" size="xs" onClick={() => set({ identifiers: [...draft.identifiers, newIdentifierRow()] })}>
              {t('watchlistEntries.form.addIdentifier')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/** An entry's personal fields: names in their scripts, birth date or year, nationalities, sex, documents, reason, review. */
export function EntryFields({
  value,
  onChange,
  errors,
}: {
  value: EntryDraft;
  onChange: (next: EntryDraft) => void;
  errors?: EntryErrors;
}) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const set = (next: Partial<EntryDraft>) => onChange({ ...value, ...next });
  return (
    <Stack>
      <NameRows draft={value} set={set} errors={errors} />
      <Group grow align="flex-start">
        <TextInput
          label={t('watchlistEntries.fields.birthDate')}
          description={t('watchlistEntries.form.birthDateHint')}
          value={value.birthDate}
          onChange={(event) => set({ birthDate: event.currentTarget.value.trim() })}
          maxLength={10}
          inputMode="numeric"
          autoComplete="off"
          dir="ltr"
          error={errors?.birthDate}
        />
        <Select
          label={t('watchlistEntries.fields.sex')}
          data={ENTRY_SEXES.map((sex) => ({ value: sex, label: t(`watchlistEntries.sex.${sex}`) }))}
          value={value.sex || null}
          onChange={(sex) => set({ sex: (sex as EntryDraft['sex'] | null) ?? '' })}
          placeholder={t('watchlistEntries.form.notKnown')}
          clearable
        />
      </Group>
      <MultiSelect
        label={t('watchlistEntries.fields.nationalities')}
        data={countries}
        value={value.nationalities}
        onChange={(nationalities) => set({ nationalities })}
        searchable
        clearable
        maxValues={10}
        nothingFoundMessage={t('common.nothingFound')}
      />
      <IdentifierRows draft={value} set={set} errors={errors} countries={countries} />
      <Textarea
        label={t('watchlistEntries.fields.reason')}
        description={t('watchlistEntries.form.reasonHint')}
        value={value.reason}
        onChange={(event) => set({ reason: event.currentTarget.value })}
        maxLength={WATCHLIST_LIMITS.reasonLength}
        autosize
        minRows={2}
        required
        dir="auto"
        error={errors?.reason}
      />
      <TextInput
        type="date"
        label={t('watchlistEntries.fields.reviewDate')}
        description={t('watchlistEntries.form.reviewDateHint')}
        value={value.reviewDate}
        onChange={(event) => set({ reviewDate: event.currentTarget.value })}
      />
    </Stack>
  );
}

/** Adding an entry to a list (no `entry`) or amending one, in a dialog; the list refreshes after. */
export function EntryDialog({
  listId,
  entry,
  opened,
  onClose,
}: {
  listId: string;
  entry?: WatchlistEntry;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<EntryDraft>(() => (entry ? entryDraftOf(entry) : emptyEntry()));
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const errors = entryErrors(draft, t);
  const save = useMutation({
    mutationFn: () => {
      const input = entryInputOf(draft);
      if (!entry) return addEntry(listId, input);
      // An amendment replaces the fields it carries: null clears a birth date or sex, and the review
      // date goes only when changed (an unchanged past one would be refused as a new date).
      const { reviewDate, ...fields } = input;
      return amendEntry(listId, entry.id, {
        ...fields,
        birthDate: fields.birthDate ?? null,
        sex: fields.sex ?? null,
        ...(reviewDate && reviewDate !== entry.reviewDate ? { reviewDate } : {}),
        version: entry.version,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    },
    onSuccess: async () => {
      await refreshList();
      close();
    },
  });
  const close = () => {
    setDraft(entry ? entryDraftOf(entry) : emptyEntry());
    setNote('');
    setTried(false);
    save.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!hasErrors(errors)) save.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={entry ? t('watchlistEntries.form.amendTitle', { reference: entry.reference }) : t('watchlistEntries.form.addTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <EntryFields value={draft} onChange={setDraft} errors={tried ? errors : undefined} />
          {entry ? (
            <TextInput
              label={t('watchlistEntries.form.note')}
              description={t('watchlistEntries.form.noteHint')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={500}
              dir="auto"
            />
          ) : null}
          <ProblemAlert error={save.error} title={t('watchlistEntries.form.refused')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {entry ? t('watchlistEntries.form.saveAmend') : t('watchlistEntries.form.saveAdd')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
