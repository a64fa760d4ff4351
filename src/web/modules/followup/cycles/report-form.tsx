import { Anchor, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../../api/session.js';
import { isolate } from '../../../app/bidi.js';
import { ChangeProblem } from './cycle-parts.js';
import {
  ASSESSMENTS,
  type Assessment,
  commitmentPath,
  cycleKeys,
  type EntryInput,
  type ReportDetail,
  refreshCycles,
  saveReport,
  submitReport,
} from './cycles-api.js';

const MAX_TEXT = 10_000;

const entriesOf = (report: ReportDetail): EntryInput[] =>
  report.entries.map((entry) => ({
    commitmentId: entry.commitment.id,
    progress: entry.progress,
    assessment: entry.assessment,
  }));

/**
 * The partner writes its report: progress and an assessment per commitment, and a summary; saves the
 * draft as often as it likes, then submits. Submitting saves what changed first, so nothing typed is
 * lost. After a reload (someone else changed the report) the page mounts the form afresh.
 */
export function ReportForm({ report, onReload }: { report: ReportDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState(report.summary);
  const [entries, setEntries] = useState<EntryInput[]>(() => entriesOf(report));
  const [tried, setTried] = useState(false);
  const dirty = summary !== report.summary || JSON.stringify(entries) !== JSON.stringify(entriesOf(report));
  const incomplete = entries.some((entry) => !entry.progress.trim() || !entry.assessment);

  const stored = async (updated: ReportDetail) => {
    queryClient.setQueryData(cycleKeys.report(report.id), updated);
    await refreshCycles();
  };
  const save = useMutation({
    mutationFn: () => saveReport(report.id, { revision: report.revision, summary, entries }),
    onSuccess: stored,
  });
  const submit = useMutation({
    mutationFn: async () => {
      let revision = report.revision;
      if (dirty) {
        const saved = await saveReport(report.id, { revision, summary, entries });
        // Kept even when the submission is refused: the draft is saved, and a retry starts from it.
        queryClient.setQueryData(cycleKeys.report(report.id), saved);
        revision = saved.revision;
      }
      return submitReport(report.id, revision);
    },
    onSuccess: stored,
  });
  const update = (index: number, change: Partial<EntryInput>) =>
    setEntries((current) => current.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));
  const busy = save.isPending || submit.isPending;

  return (
    <Card withBorder padding="lg" component="form" noValidate onSubmit={(event) => event.preventDefault()}>
      <Stack>
        <Title order={2} size="h4">
          {t('followupCycles.report.entries', { count: entries.length })}
        </Title>
        {report.entries.map((entry, index) => (
          <Card key={entry.commitment.id} withBorder padding="sm">
            <Stack gap="xs">
              <Anchor component={Link} to={commitmentPath(entry.commitment.id)} fw={600}>
                <bdi>{entry.commitment.title}</bdi>
              </Anchor>
              <Textarea
                label={t('followupCycles.report.progressOf', { title: isolate(entry.commitment.title) })}
                description={t('followupCycles.report.progressHint')}
                value={entries[index]?.progress ?? ''}
                onChange={(event) => update(index, { progress: event.currentTarget.value })}
                maxLength={MAX_TEXT}
                autosize
                minRows={3}
                dir="auto"
                error={tried && !entries[index]?.progress.trim() ? t('followupCycles.report.progressMissing') : null}
              />
              <Select
                label={t('followupCycles.report.assessmentOf', { title: isolate(entry.commitment.title) })}
                data={ASSESSMENTS.map((value) => ({ value, label: t(`followupCycles.assessment.${value}`) }))}
                value={entries[index]?.assessment ?? null}
                onChange={(value) => update(index, { assessment: (value as Assessment | null) ?? null })}
                placeholder={t('followupCycles.report.assessmentPick')}
                clearable
                error={tried && !entries[index]?.assessment ? t('followupCycles.report.assessmentMissing') : null}
              />
            </Stack>
          </Card>
        ))}
        <Textarea
          label={t('followupCycles.report.summary')}
          description={t('followupCycles.report.summaryHint')}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          maxLength={MAX_TEXT}
          autosize
          minRows={4}
          dir="auto"
        />
        <ChangeProblem error={save.error ?? submit.error} title={t('followupCycles.report.refused')} onReload={onReload} />
        {save.isSuccess && !dirty ? (
          <Text size="sm" role="status">
            {t('followupCycles.report.saved')}
          </Text>
        ) : null}
        <Group>
          <Button variant="default" loading={save.isPending} disabled={busy || !dirty} onClick={() => save.mutate()}>
            {t('followupCycles.report.save')}
          </Button>
          {report.permissions.submit ? (
            <Button
              loading={submit.isPending}
              disabled={busy}
              onClick={() => {
                setTried(true);
                if (!incomplete) submit.mutate();
              }}
            >
              {t('followupCycles.report.submit')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
