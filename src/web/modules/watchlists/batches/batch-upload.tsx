import { Button, Card, Code, FileInput, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BATCH_COLUMNS, WATCHLIST_LIMITS } from '../../../../shared/watchlists/vocabulary.js';
import { meQuery, queryClient } from '../../../api/session.js';
import { formatNumber } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { PurposeField, purposeProblem, usePurpose } from '../purpose.js';
import { batchKeys, fileProblem, SAMPLE_CSV, type ScreeningBatch, uploadBatch } from './batches-api.js';

/** Offers the sample file as a download, built in the browser (nothing asked of the server). */
function downloadSample() {
  const url = URL.createObjectURL(new Blob([`\uFEFF${SAMPLE_CSV}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'screening-sample.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The columns a batch file may have, in words, with the sample to start from. */
function ExpectedColumns() {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id="batch-columns">
        {t('watchlistBatches.upload.columns')}
      </Text>
      <Stack component="ul" gap={2} m={0} aria-labelledby="batch-columns">
        {BATCH_COLUMNS.map((column) => (
          <Text component="li" size="sm" key={column}>
            <Code dir="ltr">{column}</Code> — {t(`watchlistBatches.columns.${column}`)}
          </Text>
        ))}
      </Stack>
      <Text size="sm" c="dimmed">
        {t('watchlistBatches.upload.format')}
      </Text>
      <Text size="sm">{t('watchlistBatches.upload.sample')}</Text>
      <Code block dir="ltr">
        {SAMPLE_CSV}
      </Code>
      <Group>
        <Button variant="default" size="xs" onClick={downloadSample}>
          {t('watchlistBatches.upload.downloadSample')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * A CSV file of names to screen, with the purpose of the screening (it goes to the audit log). The
 * server reads it line by line in the background; the batch's page follows its progress.
 */
export function BatchUpload({ onStarted }: { onStarted: (batch: ScreeningBatch) => void }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const stated = usePurpose();
  const [file, setFile] = useState<File | null>(null);
  const [purpose, setPurposeText] = useState(stated.purpose ?? '');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const units = me?.units ?? [];
  const maxMb = formatNumber(WATCHLIST_LIMITS.batchBytes / 1024 / 1024, i18n.language);
  const errors = {
    file: file ? fileProblem(file, WATCHLIST_LIMITS.batchBytes) : 'missing',
    purpose: purposeProblem(purpose),
  };
  const upload = useMutation({
    mutationFn: () => uploadBatch(file as File, purpose.trim(), unitId),
    onSuccess: (batch) => {
      stated.setPurpose(purpose);
      setFile(null);
      setTried(false);
      queryClient.setQueryData(batchKeys.one(batch.id), batch);
      void queryClient.invalidateQueries({ queryKey: batchKeys.all });
      onStarted(batch);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!errors.file && !errors.purpose) upload.mutate();
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="batch-upload-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="batch-upload-heading">
            {t('watchlistBatches.upload.title')}
          </Title>
          <ExpectedColumns />
          <FileInput
            accept=".csv,text/csv"
            label={t('watchlistBatches.upload.file')}
            description={t('watchlistBatches.upload.fileHint', {
              lines: formatNumber(WATCHLIST_LIMITS.batchLines, i18n.language),
              size: maxMb,
            })}
            placeholder={t('watchlistBatches.upload.filePlaceholder')}
            value={file}
            onChange={(picked) => {
              setFile(picked);
              upload.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('watchlistBatches.upload.clearFile') }}
            required
            error={tried && errors.file ? t(`watchlistBatches.upload.fileProblem.${errors.file}`, { size: maxMb }) : null}
          />
          {units.length > 1 ? (
            <Select
              label={t('watchlistScreening.form.unit')}
              description={t('watchlistScreening.form.unitHint')}
              data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
              value={unitId ?? units[0]?.id ?? null}
              onChange={setUnitId}
              allowDeselect={false}
            />
          ) : null}
          <PurposeField
            value={purpose}
            onChange={setPurposeText}
            error={tried && errors.purpose ? t(`watchlistPurpose.errors.${errors.purpose}`) : null}
          />
          <ProblemAlert error={upload.error} title={t('watchlistBatches.upload.refused')} />
          <Group>
            <Button type="submit" loading={upload.isPending}>
              {t('watchlistBatches.upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
