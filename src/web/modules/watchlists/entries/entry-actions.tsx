import { Button, Group, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { refreshList, removeEntry, renewEntry, type WatchlistEntry } from './entries-api.js';
import { EntryDialog } from './entry-form.js';

type Dialog = 'amend' | 'remove' | 'renew' | null;

/** What the owner unit does with an active entry: amend it, renew its review, remove it (with a note). */
export function EntryActions({ listId, entry }: { listId: string; entry: WatchlistEntry }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [note, setNote] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const close = () => {
    setDialog(null);
    setNote('');
    setReviewDate('');
    remove.reset();
    renew.reset();
  };
  const remove = useMutation({
    mutationFn: () => removeEntry(listId, entry.id, { version: entry.version, note: note.trim() }),
    onSuccess: async () => {
      await refreshList();
      close();
    },
  });
  const renew = useMutation({
    mutationFn: () => renewEntry(listId, entry.id, { version: entry.version, ...(reviewDate ? { reviewDate } : {}) }),
    onSuccess: async () => {
      await refreshList();
      close();
    },
  });
  const label = (action: string) => t(`watchlistEntries.actions.${action}For`, { reference: entry.reference });
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" variant="subtle" aria-label={label('amend')} onClick={() => setDialog('amend')}>
        {t('watchlistEntries.actions.amend')}
      </Button>
      <Button size="compact-sm" variant="subtle" aria-label={label('renew')} onClick={() => setDialog('renew')}>
        {t('watchlistEntries.actions.renew')}
      </Button>
      <Button size="compact-sm" variant="subtle" color="red" aria-label={label('remove')} onClick={() => setDialog('remove')}>
        {t('watchlistEntries.actions.remove')}
      </Button>
      {dialog === 'amend' ? (
        <EntryDialog key={`${entry.id}-${entry.version}`} listId={listId} entry={entry} opened onClose={close} />
      ) : null}
      <ConfirmDialog
        opened={dialog === 'remove'}
        title={t('watchlistEntries.remove.title', { reference: entry.reference })}
        message={t('watchlistEntries.remove.message')}
        confirmLabel={t('watchlistEntries.remove.confirm')}
        busy={remove.isPending}
        error={remove.error}
        canConfirm={note.trim().length > 0}
        onConfirm={() => remove.mutate()}
        onClose={close}
      >
        <TextInput
          label={t('watchlistEntries.remove.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={500}
          required
          dir="auto"
          data-autofocus
        />
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'renew'}
        title={t('watchlistEntries.renew.title', { reference: entry.reference })}
        message={t('watchlistEntries.renew.message')}
        confirmLabel={t('watchlistEntries.renew.confirm')}
        busy={renew.isPending}
        error={renew.error}
        onConfirm={() => renew.mutate()}
        onClose={close}
      >
        <TextInput
          type="date"
          label={t('watchlistEntries.renew.reviewDate')}
          description={t('watchlistEntries.renew.reviewDateHint')}
          value={reviewDate}
          onChange={(event) => setReviewDate(event.currentTarget.value)}
        />
      </ConfirmDialog>
    </Group>
  );
}
