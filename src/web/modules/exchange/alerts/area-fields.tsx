import { Group, MultiSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../../i18n/index.js';
import type { AreaState } from './area.js';

interface AreaFieldsProps {
  value: AreaState;
  onChange: (area: AreaState) => void;
  errors: { countries?: string | null; label?: string | null; geometry?: string | null };
}

/** Countries (named in the reader's language), border section or route, and an optional point or polygon. */
export function AreaFields({ value, onChange, errors }: AreaFieldsProps) {
  const { t, i18n } = useTranslation();
  const set = (change: Partial<AreaState>) => onChange({ ...value, ...change });
  const geometryError = errors.geometry ?? null;
  return (
    <Stack gap="sm">
      <MultiSelect
        label={t('alerts.form.countries')}
        description={t('alerts.form.countriesHint')}
        data={countryOptions(i18n.language)}
        value={value.countries}
        onChange={(countries) => set({ countries })}
        searchable
        clearable
        required
        maxValues={60}
        nothingFoundMessage={t('common.nothingFound')}
        error={errors.countries}
      />
      <TextInput
        label={t('alerts.form.areaLabel')}
        description={t('alerts.form.areaLabelHint')}
        value={value.label}
        onChange={(event) => set({ label: event.currentTarget.value })}
        maxLength={200}
        dir="auto"
        error={errors.label}
      />
      <Radio.Group
        label={t('alerts.form.shape')}
        value={value.shape}
        onChange={(shape) => set({ shape: shape as AreaState['shape'] })}
      >
        <Group mt="xs">
          <Radio value="none" label={t('alerts.form.shapeNone')} />
          <Radio value="point" label={t('alerts.form.shapePoint')} />
          <Radio value="polygon" label={t('alerts.form.shapePolygon')} />
        </Group>
      </Radio.Group>
      {value.shape === 'point' ? (
        <Group grow align="flex-start">
          <TextInput
            label={t('alerts.form.latitude')}
            description={t('alerts.form.latitudeHint')}
            inputMode="decimal"
            value={value.latitude}
            onChange={(event) => set({ latitude: event.currentTarget.value })}
            dir="ltr"
            error={geometryError}
          />
          <TextInput
            label={t('alerts.form.longitude')}
            description={t('alerts.form.longitudeHint')}
            inputMode="decimal"
            value={value.longitude}
            onChange={(event) => set({ longitude: event.currentTarget.value })}
            dir="ltr"
          />
        </Group>
      ) : null}
      {value.shape === 'polygon' ? (
        <Textarea
          label={t('alerts.form.polygon')}
          description={t('alerts.form.polygonHint')}
          value={value.polygon}
          onChange={(event) => set({ polygon: event.currentTarget.value })}
          autosize
          minRows={4}
          dir="ltr"
          error={geometryError}
        />
      ) : null}
    </Stack>
  );
}
