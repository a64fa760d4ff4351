import { Anchor, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../app/bidi.js';
import { formatDateTime } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import {
  commentOnReport,
  type OrganisationRef,
  type ReportDetail,
  type ReviewComment,
  refreshCycles,
  reportPath,
} from './cycles-api.js';

/** A comment, and on the cycle's page the partner whose report it is about. */
export interface ShownComment {
  comment: ReviewComment;
  about?: { reportId: string; partner: OrganisationRef };
}

/** Peer reviewers' and the secretariat's comments, as the server rendered and sanitised them. */
export function Comments({ comments, headingId = 'comments-heading' }: { comments: ShownComment[]; headingId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('followupCycles.comments.title', { count: comments.length })}
      </Title>
      {comments.length === 0 ? (
        <Text c="dimmed">{t('followupCycles.comments.none')}</Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={headingId}>
          {comments.map(({ comment, about }) => (
            <li key={comment.id} className="cycle-comment">
              {about ? (
                <Anchor component={Link} to={reportPath(about.reportId)} size="sm">
                  {t('followupCycles.comments.about', {
                    organisation: isolate(about.partner.acronym ?? about.partner.name),
                  })}
                </Anchor>
              ) : null}
              <Text size="sm" fw={600}>
                {t('followupCycles.comments.by', {
                  name: isolate(comment.author.name),
                  organisation: isolate(comment.organisation.acronym ?? comment.organisation.name),
                })}{' '}
                · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, i18n.language)}</time>
              </Text>
              {/* Rendered and sanitised by the server (no scripts, no event attributes): safe to insert. */}
              <div className="markdown-body" dir="auto" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** A reviewer or the secretariat comments (Markdown); the reporting partner never does. */
export function CommentForm({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [tried, setTried] = useState(false);
  const send = useMutation({
    mutationFn: () => commentOnReport(report.id, body.trim()),
    onSuccess: async () => {
      setBody('');
      setTried(false);
      await refreshCycles();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (body.trim()) send.mutate();
  };
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} noValidate maw={720}>
      <Stack gap="sm">
        <Textarea
          label={t('followupCycles.comments.add')}
          description={t('followupCycles.comments.hint')}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          maxLength={10_000}
          autosize
          minRows={3}
          required
          dir="auto"
          error={tried && !body.trim() ? t('followupCycles.comments.missing') : null}
        />
        <ProblemAlert error={send.error} title={t('followupCycles.comments.refused')} />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t('followupCycles.comments.send')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Every change of status, who made it and why (a return's reason). */
export function History({ report }: { report: ReportDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading" mb="xs">
        {t('followupCycles.history.title')}
      </Title>
      {report.history.length === 0 ? (
        <Text c="dimmed">{t('followupCycles.history.none')}</Text>
      ) : (
        <List spacing={4} aria-labelledby="history-heading">
          {report.history.map((entry, index) => (
            <List.Item key={`${entry.at}-${index}`}>
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
              {' · '}
              {entry.fromStatus
                ? t('followupCycles.history.change', {
                    from: t(`followupCycles.progress.${entry.fromStatus}`),
                    to: t(`followupCycles.progress.${entry.toStatus}`),
                  })
                : t('followupCycles.history.created', { to: t(`followupCycles.progress.${entry.toStatus}`) })}
              {entry.by ? ` · ${t('followupCycles.history.by', { name: isolate(entry.by.name) })}` : null}
              {entry.reason ? (
                <Text size="sm" dir="auto" className="cycle-returned">
                  {entry.reason}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
