import { Button, Card, Group, List, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../../api/session.js';
import { ProblemAlert } from '../../../app/page.js';
import { useFormatTime } from '../messages/message-parts.js';
import { type AlertDetail, alertKeys, giveFeedback, refreshAlerts, VERDICTS, type Verdict } from './alerts-api.js';

/** Feedback as the viewer may see it: every unit's for the originator (with a count per verdict), else their own. */
export function FeedbackList({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { entries, summary, scope } = alert.feedback;
  const originator = scope === 'all';
  return (
    <section aria-labelledby="feedback-heading">
      <Title order={2} size="h4" id="feedback-heading" mb="xs">
        {originator ? t('alerts.feedback.title') : t('alerts.feedback.yours')}
      </Title>
      {originator && summary ? (
        <Text component="p" size="sm" data-testid="feedback-summary">
          {VERDICTS.map((verdict) =>
            t('alerts.feedback.summaryPart', { verdict: t(`alerts.verdict.${verdict}`), count: summary[verdict] ?? 0 }),
          ).join(' · ')}
        </Text>
      ) : null}
      {entries.length === 0 ? (
        <Text c="dimmed">{t('alerts.feedback.none')}</Text>
      ) : (
        <List aria-labelledby="feedback-heading" spacing="xs">
          {entries.map((entry) => (
            <List.Item key={entry.unitId}>
              <strong>{t(`alerts.verdict.${entry.verdict}`)}</strong>
              {' · '}
              {t('alerts.feedback.by', { unit: entry.unit, organisation: entry.organisation.name })}
              {' · '}
              <time dateTime={entry.at}>{formatTime(entry.at)}</time>
              {entry.comment ? (
                <Text size="sm" dir="auto" className="alert-source">
                  {entry.comment}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

/** A receiving unit says whether the alert helped: useful, acted on, or a false alarm, with a comment. */
export function FeedbackForm({ alert, units }: { alert: AlertDetail; units: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [comment, setComment] = useState('');
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [tried, setTried] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      giveFeedback(alert.id, {
        verdict: verdict as Verdict,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(unitId ? { unitId } : {}),
      }),
    onSuccess: async (updated) => {
      setComment('');
      queryClient.setQueryData(alertKeys.one(alert.id), updated);
      await refreshAlerts();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (verdict) send.mutate();
  };
  return (
    <Card
      withBorder
      padding="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="feedback-form-heading"
      className="alert-form"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="feedback-form-heading">
          {t('alerts.feedback.give')}
        </Title>
        <Radio.Group
          label={t('alerts.feedback.verdict')}
          value={verdict}
          onChange={(value) => setVerdict(value as Verdict)}
          required
          error={tried && !verdict ? t('alerts.feedback.chooseVerdict') : null}
        >
          <Group mt="xs">
            {VERDICTS.map((value) => (
              <Radio key={value} value={value} label={t(`alerts.verdict.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        {units.length > 1 ? (
          <Select
            label={t('alerts.feedback.unit')}
            data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            value={unitId}
            onChange={setUnitId}
            allowDeselect={false}
          />
        ) : null}
        <Textarea
          label={t('alerts.feedback.comment')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          dir="auto"
        />
        <ProblemAlert error={send.error} title={t('alerts.feedback.refused')} />
        {send.isSuccess ? (
          <Text size="sm" role="status">
            {t('alerts.feedback.saved')}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t('alerts.feedback.send')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
