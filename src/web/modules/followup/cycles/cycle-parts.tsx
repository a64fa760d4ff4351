import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_PROBLEMS } from '../../../../shared/followup/problems.js';
import { ProblemAlert } from '../../../app/page.js';
import { isProblem } from '../../exchange/problems.js';
import { type CycleSummary, REPORT_PROGRESS, type ReportProgress } from './cycles-api.js';
import './cycles.css';

/** The colour of each progress on the bar and the chart (the tags' backgrounds, see cycles.css). */
export const PROGRESS_COLOURS: Readonly<Record<ReportProgress, string>> = {
  not_started: '#adb5bd',
  draft: '#748ffc',
  submitted: '#1c5fb0',
  returned: '#ffc000',
  late: '#b3001b',
  accepted: '#1b6e3a',
};

/** A report's progress as a coloured tag that says it in words: colour is never the only cue. */
export function ProgressTag({ progress }: { progress: ReportProgress }) {
  const { t } = useTranslation();
  return <span className={`cycle-progress cycle-progress-${progress}`}>{t(`followupCycles.progress.${progress}`)}</span>;
}

export function CycleStatusTag({ status }: { status: CycleSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`cycle-progress cycle-progress-${status === 'open' ? 'draft' : 'not_started'}`}>
      {t(`followupCycles.status.${status}`)}
    </span>
  );
}

/** The non-zero counts in the order of the vocabulary, as "2 submitted · 1 late". */
export function progressParts(counts: Readonly<Record<ReportProgress, number>>): { progress: ReportProgress; count: number }[] {
  return REPORT_PROGRESS.filter((progress) => counts[progress] > 0).map((progress) => ({ progress, count: counts[progress] }));
}

/**
 * The partners' progress as a thin stacked bar, read out as the sentence written beside it (the bar
 * itself is hidden from assistive technology: the words say the same).
 */
export function ProgressStrip({ counts }: { counts: Readonly<Record<ReportProgress, number>> }) {
  const { t } = useTranslation();
  const parts = progressParts(counts);
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <div className="cycle-bar" aria-hidden="true">
        {parts.map((part) => (
          <span
            key={part.progress}
            style={{ width: `${(100 * part.count) / total}%`, background: PROGRESS_COLOURS[part.progress] }}
          />
        ))}
      </div>
      <Text size="sm" component="span">
        {total === 0
          ? t('followupCycles.list.noPartners')
          : parts
              .map((part) => t(`followupCycles.progressCount.${part.progress}`, { count: part.count }))
              .join(t('followupCycles.separator'))}
      </Text>
    </Group>
  );
}

/**
 * What a refused change says. A stale revision (someone changed the record meanwhile) is not an
 * error of the reader's: they are offered to reload, and what they typed stays in the form.
 */
export function ChangeProblem({ error, title, onReload }: { error: unknown; title?: string; onReload: () => void }) {
  const { t } = useTranslation();
  if (isProblem(error, FOLLOWUP_PROBLEMS, 'stale-revision')) {
    return (
      <Alert color="orange" variant="light" title={t('followupCycles.stale.title')} role="alert">
        <Text size="sm" mb="xs">
          {t('followupCycles.stale.body')}
        </Text>
        <Button size="xs" variant="outline" onClick={onReload}>
          {t('followupCycles.stale.reload')}
        </Button>
      </Alert>
    );
  }
  return <ProblemAlert error={error} title={title} />;
}
