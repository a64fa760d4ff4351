import { Button, Group, MultiSelect, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_TYPES } from '../../../../shared/knowledge/kinds.js';
import { countryName } from '../../../i18n/index.js';
import { ITEM_TEXT_MAX, pickLabel, type ReviewItem, vocabularyQuery } from './review-api.js';
import { ReviewProblem } from './review-problem.js';
import { type ItemChange, useItemChange } from './use-item-change.js';

/** Type, text and tags of one item, checked by the server against the vocabularies on save. */
export function ItemEditForm({ item, onDone, onReload }: { item: ReviewItem; onDone: () => void; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const vocabulary = useQuery(vocabularyQuery);
  const [type, setType] = useState<string>(item.type);
  const [text, setText] = useState(item.text);
  const [countries, setCountries] = useState(item.countries);
  const [themes, setThemes] = useState(item.themes);
  const [organisations, setOrganisations] = useState(item.organisations);
  const [references, setReferences] = useState(item.references.map((reference) => reference.id));
  const change = useItemChange(item, onDone);
  const suggested = new Set(item.references.filter((r) => r.kind === 'suggested').map((r) => r.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ItemChange = {
      kind: 'edit',
      patch: { type, text, countries, themes, organisations, references: references.map((id) => ({ id })) },
    };
    change.mutate(body);
  };
  const labelled = (entries: { id: string; label: Record<string, string | undefined> }[] | undefined, chosen: string[]) => {
    const options = new Map((entries ?? []).map((entry) => [entry.id, pickLabel(entry.label, language, entry.id)]));
    // A value the vocabulary no longer has still shows, so that it can be removed.
    for (const id of chosen) if (!options.has(id)) options.set(id, id);
    return [...options].map(([value, label]) => ({
      value,
      label: suggested.has(value) ? `${label} (${t('review.suggested')})` : label,
    }));
  };
  const countryOptions = [...new Set([...(vocabulary.data?.countries ?? []), ...countries])].map((code) => ({
    value: code,
    label: `${countryName(code, language)} (${code})`,
  }));
  const common = { searchable: true, clearable: true, nothingFoundMessage: t('common.nothingFound'), maxDropdownHeight: 240 };

  return (
    <form onSubmit={submit} aria-label={t('review.edit.formLabel', { position: item.position + 1 })}>
      <Stack gap="sm">
        <NativeSelect
          label={t('review.edit.type')}
          value={type}
          onChange={(event) => setType(event.currentTarget.value)}
          data={ITEM_TYPES.map((value) => ({ value, label: t(`knowledge.types.${value}`) }))}
        />
        <Textarea
          label={t('review.edit.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={ITEM_TEXT_MAX}
          required
          dir="auto"
        />
        <MultiSelect
          label={t('review.edit.countries')}
          data={countryOptions}
          value={countries}
          onChange={setCountries}
          {...common}
        />
        <MultiSelect
          label={t('review.edit.themes')}
          data={labelled(vocabulary.data?.themes, themes)}
          value={themes}
          onChange={setThemes}
          {...common}
        />
        <MultiSelect
          label={t('review.edit.organisations')}
          data={labelled(vocabulary.data?.organisations, organisations)}
          value={organisations}
          onChange={setOrganisations}
          {...common}
        />
        <MultiSelect
          label={t('review.edit.references')}
          data={labelled(vocabulary.data?.references, references)}
          value={references}
          onChange={setReferences}
          {...common}
        />
        <ReviewProblem error={change.error} onReload={onReload} />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
