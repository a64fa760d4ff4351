import { Alert, Anchor, Badge, Card, Group, List, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isFileProblem } from '../../../../shared/knowledge/problems.js';
import { formatDateTime } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import {
  type ImportFile,
  type ImportSummary,
  importOutcome,
  importQuery,
  isFinished,
  OUTCOME_COLOURS,
  reviewPath,
} from './imports-api.js';

const FILE_COLOURS: Record<string, string> = { done: 'green', empty: 'yellow', duplicate: 'teal', failed: 'red' };

/** A stored file without a single item is not a success: it is to discard or replace. */
const fileState = (file: ImportFile) => (file.status === 'done' && file.items === 0 ? 'empty' : file.status);

/** Finished, finished with errors, nothing found, failed…: in words, the colour only repeats it. */
export function OutcomeBadge({ summary }: { summary: Pick<ImportSummary, 'status' | 'fileCounts'> }) {
  const { t } = useTranslation();
  const outcome = importOutcome(summary);
  return (
    <Badge
      color={OUTCOME_COLOURS[outcome]}
      variant="light"
      tt="none"
      c="dark.7"
      data-testid="import-status"
      data-outcome={outcome}
    >
      {t(`imports.outcome.${outcome}`)}
    </Badge>
  );
}

export function formatWhen(value: string, language: string) {
  return formatDateTime(value, language);
}

/** Why a file failed, in the reader's language; the server's (English) detail when the library has no words for it. */
function FailureReason({ file }: { file: ImportFile }) {
  const { t } = useTranslation();
  const slug = file.problem?.slug ?? 'import-failed';
  return <>{isFileProblem(slug) ? t(`imports.problems.${slug}`) : (file.problem?.detail ?? slug)}</>;
}

/** What became of a file, in the reader's language (the server's detail is English). */
function FileOutcome({ file }: { file: ImportFile }) {
  if (file.status === 'failed') {
    return (
      <Text size="sm" c="red.9">
        <FailureReason file={file} />
      </Text>
    );
  }
  return <StoredOutcome file={file} />;
}

function StoredOutcome({ file }: { file: ImportFile }) {
  const { t } = useTranslation();
  const empty = fileState(file) === 'empty';
  const outcome = empty
    ? t('imports.file.empty')
    : file.status === 'done'
      ? t('imports.file.stored', { version: file.version, items: file.items ?? 0 })
      : file.status === 'duplicate'
        ? t('imports.file.duplicate')
        : t(`imports.fileStatus.${file.status}`);
  return (
    <Group gap="sm">
      <Text size="sm" fw={empty ? 600 : undefined}>
        {outcome}
      </Text>
      {file.documentId ? (
        <Anchor component={Link} to={reviewPath(file.documentId)} size="sm">
          {empty
            ? t('imports.file.discardOrReplace', { name: file.fileName })
            : t('imports.file.review', { name: file.fileName })}
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
  const finishedText = (done: ImportSummary) => {
    const outcome = importOutcome(done);
    const { failed, empty, total } = done.fileCounts;
    const count = outcome === 'partial' ? failed : outcome === 'empty' ? empty : undefined;
    return t(`imports.progress.finished_${outcome}`, { total, failed, empty, count });
  };
  const failedFiles = answer?.files.filter((file) => file.status === 'failed') ?? [];
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
          {answer ? <OutcomeBadge summary={answer} /> : null}
        </Group>
        <ProblemAlert error={query.error} />
        {query.isPending ? <Skeleton h={48} aria-hidden="true" /> : null}
        {answer ? (
          <>
            <Text size="sm" aria-live="polite" data-testid="import-summary">
              {isFinished(answer.status)
                ? finishedText(answer)
                : t('imports.progress.running', { done: finishedCount, total: answer.files.length })}
            </Text>
            {isFinished(answer.status) && answer.fileCounts.failed > 0 ? (
              <Alert color="red" variant="light" title={t('imports.progress.failedFiles')} data-testid="failed-files">
                <List size="sm">
                  {failedFiles.map((file) => (
                    <List.Item key={file.id}>
                      <Text span size="sm" dir="auto" fw={600}>
                        {file.fileName}
                      </Text>
                      {' — '}
                      <FailureReason file={file} />
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            <Stack component="ul" gap="md" className="import-files">
              {answer.files.map((file) => (
                <li key={file.id} data-testid="import-file" data-status={fileState(file)}>
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm" fw={600} dir="auto" className="import-file-name">
                        <bdi>{file.fileName}</bdi>
                      </Text>
                      <Badge color={FILE_COLOURS[fileState(file)] ?? 'blue'} variant="light" tt="none" c="dark.7">
                        {t(`imports.fileStatus.${fileState(file)}`)}
                      </Badge>
                    </Group>
                    <Progress
                      value={file.progress}
                      color={FILE_COLOURS[fileState(file)] ?? 'liaison'}
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
