import { Anchor, Badge, Card, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isFileProblem } from '../../../../shared/knowledge/problems.js';
import { formatDateTime } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { type ImportFile, type ImportStatus, importQuery, isFinished, reviewPath } from './imports-api.js';

export const STATUS_COLOURS: Record<ImportStatus, string> = { queued: 'gray', running: 'blue', done: 'green', failed: 'red' };
const FILE_COLOURS: Record<string, string> = { done: 'green', duplicate: 'teal', failed: 'red' };

export function formatWhen(value: string, language: string) {
  return formatDateTime(value, language);
}

/** What became of a file, in the reader's language (the server's detail is English). */
function FileOutcome({ file }: { file: ImportFile }) {
  const { t } = useTranslation();
  if (file.status === 'failed') {
    const slug = file.problem?.slug ?? 'import-failed';
    return (
      <Text size="sm" c="red.9">
        {isFileProblem(slug) ? t(`imports.problems.${slug}`) : (file.problem?.detail ?? slug)}
      </Text>
    );
  }
  const outcome =
    file.status === 'done'
      ? t('imports.file.stored', { version: file.version, items: file.items ?? 0 })
      : file.status === 'duplicate'
        ? t('imports.file.duplicate')
        : t(`imports.fileStatus.${file.status}`);
  return (
    <Group gap="sm">
      <Text size="sm">{outcome}</Text>
      {file.documentId ? (
        <Anchor component={Link} to={reviewPath(file.documentId)} size="sm">
          {t('imports.file.review', { name: file.fileName })}
        </Anchor>
      ) : null}
    </Group>
  );
}

/** One import's files, each with its progress bar, refreshed every second until the job is over. */
export function ImportProgress({ importId }: { importId: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(importQuery(importId));
  const answer = query.data;
  const finishedCount = answer?.files.filter((file) => ['done', 'duplicate', 'failed'].includes(file.status)).length ?? 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="progress-heading" data-testid="import-progress">
      <Stack>
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id="progress-heading">
            {answer
              ? t('imports.progress.titleAt', { when: formatWhen(answer.createdAt, i18n.language) })
              : t('imports.progress.title')}
          </Title>
          {answer ? (
            <Badge color={STATUS_COLOURS[answer.status]} variant="light" tt="none" data-testid="import-status">
              {t(`imports.status.${answer.status}`)}
            </Badge>
          ) : null}
        </Group>
        <ProblemAlert error={query.error} />
        {query.isPending ? <Skeleton h={48} aria-hidden="true" /> : null}
        {answer ? (
          <>
            <Text size="sm" aria-live="polite" data-testid="import-summary">
              {isFinished(answer.status)
                ? t('imports.progress.finished', { done: finishedCount, total: answer.files.length })
                : t('imports.progress.running', { done: finishedCount, total: answer.files.length })}
            </Text>
            <Stack component="ul" gap="md" className="import-files">
              {answer.files.map((file) => (
                <li key={file.id} data-testid="import-file" data-status={file.status}>
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm" fw={600} dir="auto" className="import-file-name">
                        <bdi>{file.fileName}</bdi>
                      </Text>
                      <Badge color={FILE_COLOURS[file.status] ?? 'blue'} variant="light" tt="none">
                        {t(`imports.fileStatus.${file.status}`)}
                      </Badge>
                    </Group>
                    <Progress
                      value={file.progress}
                      color={FILE_COLOURS[file.status] ?? 'liaison'}
                      aria-label={t('imports.progress.fileLabel', { name: file.fileName })}
                    />
                    <FileOutcome file={file} />
                  </Stack>
                </li>
              ))}
            </Stack>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
