import { Alert, Anchor, Button, FileInput, Group, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { FileProblemText } from '../imports/file-problem.js';
import { FILE_EXTENSIONS, postForm } from '../imports/imports-api.js';
import { documentUrl, type ReviewDocument, reviewKeys, reviewPath } from './review-api.js';
import { ReviewProblem } from './review-problem.js';

type Dialog = 'discard' | 'replace' | null;

/**
 * The way out of a wrong draft: discard it (with a reason, kept in its history) or replace it by
 * another file, whose reading becomes its next version. Only drafts offer them, as the server allows.
 */
export function DraftActions({ document }: { document: ReviewDocument }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const done = (saved: ReviewDocument) => {
    queryClient.setQueryData(reviewKeys.document(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: ['knowledge'] });
    setDialog(null);
  };
  const discard = useMutation({
    mutationFn: () =>
      api.post<ReviewDocument>(documentUrl(document.id, '/discard'), { revision: document.revision, reason: reason.trim() }),
    onSuccess: done,
  });
  const replace = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData();
      form.append('files', chosen, chosen.name);
      return postForm<ReviewDocument>(`${documentUrl(document.id, '/replace')}?revision=${document.revision}`, form);
    },
    onSuccess: (saved) => {
      done(saved);
      void navigate({ to: reviewPath(saved.id) });
    },
  });
  const close = () => {
    setDialog(null);
    discard.reset();
    replace.reset();
  };
  if (document.status !== 'draft') return null;
  return (
    <>
      <Button variant="default" onClick={() => setDialog('replace')}>
        {t('review.replace.button')}
      </Button>
      <Button variant="outline" color="red" onClick={() => setDialog('discard')}>
        {t('review.discard.button')}
      </Button>
      <ConfirmDialog
        opened={dialog === 'discard'}
        title={t('review.discard.title')}
        message={t('review.discard.confirm', { title: document.title })}
        confirmLabel={t('review.discard.button')}
        busy={discard.isPending}
        canConfirm={reason.trim().length > 0}
        onConfirm={() => discard.mutate()}
        onClose={close}
      >
        <Textarea
          label={t('review.discard.reason')}
          description={t('review.discard.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <ReviewProblem error={discard.error} />
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'replace'}
        title={t('review.replace.title')}
        message={t('review.replace.confirm', { title: document.title })}
        confirmLabel={t('review.replace.button')}
        busy={replace.isPending}
        canConfirm={file !== null}
        onConfirm={() => file && replace.mutate(file)}
        onClose={close}
      >
        <FileInput
          label={t('review.replace.file')}
          accept={FILE_EXTENSIONS.join(',')}
          clearable
          clearButtonProps={{ 'aria-label': t('imports.form.clearFile') }}
          value={file}
          onChange={setFile}
          data-autofocus
        />
        {replace.error ? (
          <Alert color="red" variant="light" role="alert" title={t('review.errors.refused')}>
            <FileProblemText error={replace.error} fallback={<ReviewProblem error={replace.error} />} />
          </Alert>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

/** Who discarded the document, when and why, and the version that replaced it. */
export function DiscardedNotice({ document }: { document: ReviewDocument }) {
  const { t, i18n } = useTranslation();
  if (!document.discarded) return null;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(document.discarded.at),
  );
  return (
    <Alert color="red" variant="light" title={t('review.discard.notice')} data-testid="discarded-notice">
      <Text size="sm">{t('review.discard.by', { when, name: document.discarded.by?.displayName ?? '—' })}</Text>
      <Text size="sm" dir="auto">
        {t('review.discard.why', { reason: document.discarded.reason })}
      </Text>
      {document.nextVersionId ? (
        <Group mt="xs">
          <Anchor component={Link} to={reviewPath(document.nextVersionId)}>
            {t('review.replace.openNext')}
          </Anchor>
        </Group>
      ) : null}
    </Alert>
  );
}
