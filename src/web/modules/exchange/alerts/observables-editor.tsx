import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/page.js';
import { countryOptions } from '../../../i18n/index.js';
import {
  extractObservables,
  MAX_OBSERVABLES,
  OBSERVABLE_KINDS,
  type ObservableInput,
  type ObservableKind,
  SOCIAL_PLATFORMS,
} from './alerts-api.js';

/** A row as the form holds it: `key` keeps React's identity of a row when others are removed. */
export interface ObservableRow extends ObservableInput {
  key: number;
}

let nextKey = 1;
export const newRow = (observable: Partial<ObservableInput> = {}): ObservableRow => ({
  key: nextKey++,
  kind: observable.kind ?? 'phone',
  value: observable.value ?? '',
  country: observable.country,
  platform: observable.platform,
});

/** What the API takes: blank rows left out, the country only where the kind uses it. */
export function toObservables(rows: ObservableRow[]): ObservableInput[] {
  return rows
    .filter((row) => row.value.trim())
    .map(({ kind, value, country, platform }) => ({
      kind,
      value: value.trim(),
      ...(country && (kind === 'phone' || kind === 'vehicle_plate') ? { country } : {}),
      ...(platform && kind === 'handle' ? { platform } : {}),
    }));
}

interface ObservablesEditorProps {
  rows: ObservableRow[];
  onChange: (rows: ObservableRow[]) => void;
  description: string;
  /** The server's refusal of one row (by its position among the rows sent), when it named one. */
  refused: { index: number; message: string } | null;
}

/** Kind + value rows, added and removed by hand or found in the description by the server's extractor. */
export function ObservablesEditor({ rows, onChange, description, refused }: ObservablesEditorProps) {
  const { t, i18n } = useTranslation();
  const countries = countryOptions(i18n.language);
  const extract = useMutation({
    mutationFn: () => extractObservables(description),
    onSuccess: ({ candidates }) => {
      const known = new Set(rows.map((row) => `${row.kind}\n${row.value.trim()}`));
      const found = candidates.filter((candidate) => !known.has(`${candidate.kind}\n${candidate.display}`));
      const kept = rows.filter((row) => row.value.trim());
      onChange(
        [
          ...kept,
          ...found.map((candidate) =>
            newRow({
              kind: candidate.kind,
              value: candidate.display,
              country: candidate.country ?? undefined,
              platform: candidate.platform ?? undefined,
            }),
          ),
        ].slice(0, MAX_OBSERVABLES),
      );
    },
  });
  const update = (key: number, change: Partial<ObservableInput>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <Stack gap="xs" component="fieldset" className="observables-editor" style={{ border: 0, padding: 0, margin: 0 }}>
      <Title order={2} size="h5" component="legend">
        {t('alerts.form.observables')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('alerts.form.observablesHint')}
      </Text>
      {rows.map((row, position) => {
        const number = position + 1;
        // The server counts only the rows it was sent (blank ones are left out).
        const index = row.value.trim() ? rows.slice(0, position).filter((other) => other.value.trim()).length : -1;
        const error = refused && index === refused.index ? refused.message : null;
        return (
          <Group key={row.key} className="observable-row" wrap="wrap" gap="xs" align="flex-start">
            <Select
              label={t('alerts.form.kind', { number })}
              data={OBSERVABLE_KINDS.map((kind) => ({ value: kind, label: t(`alerts.kind.${kind}`) }))}
              value={row.kind}
              onChange={(kind) => update(row.key, { kind: (kind as ObservableKind | null) ?? 'phone' })}
              allowDeselect={false}
              w={200}
            />
            <TextInput
              label={t('alerts.form.value', { number })}
              value={row.value}
              onChange={(event) => update(row.key, { value: event.currentTarget.value })}
              maxLength={500}
              dir="auto"
              miw={240}
              error={error}
            />
            {row.kind === 'phone' || row.kind === 'vehicle_plate' ? (
              <Select
                label={t('alerts.form.observableCountry', { number })}
                data={countries}
                value={row.country ?? null}
                onChange={(country) => update(row.key, { country: country ?? undefined })}
                searchable
                clearable
                nothingFoundMessage={t('common.nothingFound')}
                w={200}
              />
            ) : null}
            {row.kind === 'handle' ? (
              <Select
                label={t('alerts.form.platform', { number })}
                data={SOCIAL_PLATFORMS.map((platform) => ({ value: platform, label: t(`alerts.platform.${platform}`) }))}
                value={row.platform ?? null}
                onChange={(platform) => update(row.key, { platform: (platform as ObservableInput['platform']) ?? undefined })}
                clearable
                w={160}
              />
            ) : null}
            <ActionIcon
              variant="default"
              size="lg"
              mt={26}
              aria-label={t('alerts.form.removeObservable', { number })}
              onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            >
              <span aria-hidden="true">×</span>
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button variant="default" onClick={() => onChange([...rows, newRow()])} disabled={rows.length >= MAX_OBSERVABLES}>
          {t('alerts.form.addObservable')}
        </Button>
        <Button variant="default" onClick={() => extract.mutate()} loading={extract.isPending} disabled={!description.trim()}>
          {t('alerts.form.extract')}
        </Button>
        {extract.isSuccess ? (
          <Text size="sm" role="status">
            {t('alerts.form.found', { count: extract.data.candidates.length })}
          </Text>
        ) : null}
      </Group>
      <ProblemAlert error={extract.error} />
    </Stack>
  );
}
