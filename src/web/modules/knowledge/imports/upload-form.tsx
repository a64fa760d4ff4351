import {
  Alert,
  Button,
  Card,
  Checkbox,
  CloseButton,
  FileInput,
  Group,
  List,
  MultiSelect,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { isFileProblem } from '../../../../shared/knowledge/problems.js';
import { queryClient } from '../../../api/session.js';
import { formatNumber } from '../../../app/format.js';
import { HandlingCodePicker } from '../../../app/handling-code-picker.js';
import { ProblemAlert } from '../../../app/page.js';
import { vocabularyQuery } from '../review/review-api.js';
import {
  CODE_KEYS,
  FILE_EXTENSIONS,
  fileProblem,
  type ImportDetail,
  importKeys,
  MAX_FILE_BYTES,
  MAX_FILES,
  UploadError,
  uploadImport,
} from './imports-api.js';

type Audience = 'all' | 'chosen';

/** Files dropped or picked, without picking the same file twice. */
function addFiles(current: File[], added: File[]): File[] {
  const key = (file: File) => `${file.name}:${file.size}:${file.lastModified}`;
  const known = new Set(current.map(key));
  return [...current, ...added.filter((file) => !known.has(key(file)))];
}

function formOf(files: File[], handlingCode: string, targets: string[], publish: boolean): FormData {
  const form = new FormData();
  form.append('handlingCode', handlingCode);
  for (const target of targets) form.append('distribution', target);
  form.append('publish', String(publish));
  for (const file of files) form.append('files', file, file.name);
  return form;
}

/**
 * The upload form: files (picker or drop zone), handling code explained in plain words, who receives
 * the documents, and whether they are published at once. The server checks everything again.
 */
export function UploadForm({ onStarted }: { onStarted: (started: ImportDetail) => void }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useQuery(vocabularyQuery);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [handlingCode, setHandlingCode] = useState<HandlingCode>('TLP:GREEN');
  const [audience, setAudience] = useState<Audience>('all');
  const [organisations, setOrganisations] = useState<string[]>([]);
  const [sharingGroups, setSharingGroups] = useState<string[]>([]);
  const [publish, setPublish] = useState(false);
  const [tried, setTried] = useState(false);

  const targets =
    audience === 'all'
      ? ['all_partners']
      : [...organisations.map((id) => `organisation:${id}`), ...sharingGroups.map((id) => `sharing_group:${id}`)];
  const badFiles = files.filter((file) => fileProblem(file));
  const errors = {
    files:
      files.length === 0
        ? t('imports.form.noFiles')
        : files.length > MAX_FILES
          ? t('imports.form.tooMany', { max: MAX_FILES })
          : null,
    audience: targets.length === 0 ? t('imports.form.noRecipients') : null,
  };
  const valid = !errors.files && !errors.audience && badFiles.length === 0;

  const upload = useMutation({
    mutationFn: () => uploadImport(formOf(files, handlingCode, targets, publish)),
    onSuccess: (started) => {
      setFiles([]);
      setTried(false);
      queryClient.setQueryData(importKeys.one(started.id), started);
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
      onStarted(started);
    },
  });
  // The server names the file it refused: its reason goes beside that file, in the reader's language.
  const refusedFile = upload.error instanceof UploadError ? upload.error.fileName : null;
  const refusalText = (error: UploadError) => (isFileProblem(error.slug) ? t(`imports.problems.${error.slug}`) : error.detail);
  const removeFile = (removed: File) => {
    setFiles((current) => current.filter((file) => file !== removed));
    upload.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (valid) upload.mutate();
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    setFiles((current) => addFiles(current, [...event.dataTransfer.files]));
  };
  const sizeOf = (bytes: number) =>
    bytes < 1024 * 1024
      ? t('imports.form.sizeKb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024)), i18n.language) })
      : t('imports.form.size', { size: formatNumber(bytes / 1024 / 1024, i18n.language, { maximumFractionDigits: 1 }) });
  const named = (list: { id: string; name: string }[] = []) => list.map((entry) => ({ value: entry.id, label: entry.name }));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="upload-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="upload-heading">
            {t('imports.form.title')}
          </Title>
          <fieldset
            className="import-drop-zone"
            aria-label={t('imports.form.dropZone')}
            data-dragging={dragging || undefined}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <FileInput
              multiple
              clearable
              clearButtonProps={{ 'aria-label': t('imports.form.clearFiles') }}
              accept={FILE_EXTENSIONS.join(',')}
              label={t('imports.form.files')}
              description={t('imports.form.filesHint', { max: MAX_FILES, size: MAX_FILE_BYTES / 1024 / 1024 })}
              placeholder={t('imports.form.filesPlaceholder')}
              value={files}
              onChange={(picked) => setFiles(picked)}
              error={tried ? errors.files : null}
            />
            <Text size="sm" c="dimmed" mt="xs" aria-hidden="true">
              {t('imports.form.dropHint')}
            </Text>
          </fieldset>
          {files.length ? (
            <List size="sm" aria-label={t('imports.form.chosen')} data-testid="chosen-files">
              {files.map((file) => {
                const problem = fileProblem(file);
                const refused = refusedFile === file.name;
                return (
                  <List.Item key={`${file.name}:${file.size}:${file.lastModified}`} data-refused={refused || undefined}>
                    <Text span size="sm" dir="auto">
                      {file.name}
                    </Text>{' '}
                    <Text span size="sm" c="dimmed">
                      ({sizeOf(file.size)})
                    </Text>
                    {problem ? (
                      <Text span size="sm" c="red.8" fw={600}>
                        {' — '}
                        {t(`imports.problems.${problem}`)}
                      </Text>
                    ) : null}
                    {refused && !problem ? (
                      <Text span size="sm" c="red.8" fw={600} data-testid="refused-reason">
                        {' — '}
                        {refusalText(upload.error as UploadError)}
                      </Text>
                    ) : null}{' '}
                    <CloseButton
                      size="sm"
                      aria-label={t('imports.form.remove', { name: file.name })}
                      onClick={() => removeFile(file)}
                    />
                  </List.Item>
                );
              })}
            </List>
          ) : null}

          <HandlingCodePicker
            label={t('imports.form.handlingCode')}
            description={t('imports.form.handlingCodeHint')}
            explain={(code) => t(`imports.codes.${CODE_KEYS[code]}`)}
            value={handlingCode}
            onChange={setHandlingCode}
          />

          <Radio.Group label={t('imports.form.audience')} value={audience} onChange={(value) => setAudience(value as Audience)}>
            <Group mt="xs">
              <Radio value="all" label={t('imports.form.allPartners')} />
              <Radio value="chosen" label={t('imports.form.chosenRecipients')} />
            </Group>
          </Radio.Group>
          {audience === 'chosen' ? (
            <>
              <MultiSelect
                label={t('imports.form.sharingGroups')}
                data={named(vocabulary.data?.recipients.sharingGroups)}
                value={sharingGroups}
                onChange={setSharingGroups}
                searchable
                clearable
                nothingFoundMessage={t('common.nothingFound')}
              />
              <MultiSelect
                label={t('imports.form.organisations')}
                data={named(vocabulary.data?.recipients.organisations)}
                value={organisations}
                onChange={setOrganisations}
                searchable
                clearable
                nothingFoundMessage={t('common.nothingFound')}
                error={tried ? errors.audience : null}
              />
              <ProblemAlert error={vocabulary.error} />
            </>
          ) : null}

          <Checkbox
            label={t('imports.form.publish')}
            description={t('imports.form.publishHint')}
            checked={publish}
            onChange={(event) => setPublish(event.currentTarget.checked)}
          />
          {tried && badFiles.length ? (
            <Alert color="red" variant="light" role="alert">
              {t('imports.form.fixFiles')}
            </Alert>
          ) : null}
          <ProblemAlert error={upload.error} title={t('imports.form.refused')} />
          <Group>
            <Button type="submit" loading={upload.isPending}>
              {t('imports.form.upload')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
