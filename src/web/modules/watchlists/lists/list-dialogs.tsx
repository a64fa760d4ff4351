import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { ProblemAlert } from '../../../app/page.js';
import { draftOf, inputOf, type ListDraft, ListFields, listErrors } from './list-fields.js';
import { archiveWatchlist, refreshWatchlists, updateWatchlist, type WatchlistDetail } from './lists-api.js';

/** Changing the list's own fields (not its entries); mounted when opened, so it starts from the list as it is. */
export function EditListDialog({ detail, onClose }: { detail: WatchlistDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ListDraft>(() => draftOf(detail));
  const [tried, setTried] = useState(false);
  const errors = listErrors(draft, t);
  const save = useMutation({
    mutationFn: () => updateWatchlist(detail.id, { ...inputOf(draft), revision: detail.revision }),
    onSuccess: async () => {
      await refreshWatchlists();
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).every((error) => !error)) save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('watchlistLists.edit.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ListFields value={draft} onChange={setDraft} errors={tried ? errors : {}} />
          <ProblemAlert error={save.error} title={t('watchlistLists.form.refused')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Archiving: the list takes no more changes and leaves screening; a reason is required. */
export function ArchiveListDialog({ detail, onClose }: { detail: WatchlistDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const archive = useMutation({
    mutationFn: () => archiveWatchlist(detail.id, { revision: detail.revision, reason: reason.trim() }),
    onSuccess: async () => {
      await refreshWatchlists();
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened
      title={t('watchlistLists.archive.title')}
      message={t('watchlistLists.archive.message')}
      confirmLabel={t('watchlistLists.archive.confirm')}
      busy={archive.isPending}
      error={archive.error}
      canConfirm={reason.trim().length > 0}
      onConfirm={() => archive.mutate()}
      onClose={onClose}
    >
      <Textarea
        label={t('watchlistLists.archive.reason')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={1000}
        autosize
        minRows={2}
        required
        dir="auto"
      />
    </ConfirmDialog>
  );
}
