import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/page.js';
import { RecipientPicker } from './message-parts.js';
import { forwardMessage, type Message, messagePath, refreshMessages, toDistribution } from './messages-api.js';

interface ForwardDialogProps {
  message: Message;
  opened: boolean;
  onClose: () => void;
}

/**
 * Forwards a message to new recipients with an optional note. TLP:RED is never forwarded (the rule in
 * src/shared/forwarding.ts), which the dialog says before anything is sent; any other refusal — the
 * audience would widen — comes from the server with its reason, shown as it is.
 */
export function ForwardDialog({ message, opened, onClose }: ForwardDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [recipients, setRecipients] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const red = message.handlingCode === 'TLP:RED';
  const forward = useMutation({
    mutationFn: () => forwardMessage(message.id, { distribution: toDistribution(recipients), note: note.trim() || undefined }),
    onSuccess: async (forwarded) => {
      await refreshMessages();
      onClose();
      await navigate({ to: messagePath(forwarded.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!red && recipients.length > 0) forward.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('messages.forward.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {red ? (
            <Alert color="red" variant="light" title={t('messages.forward.refused')} role="alert">
              {t('messages.forward.redRule')}
            </Alert>
          ) : (
            <>
              <Alert variant="light" color="gray">
                {t('messages.forward.rule', { code: message.handlingCode })}
              </Alert>
              <RecipientPicker
                withFunctions
                value={recipients}
                onChange={setRecipients}
                error={tried && recipients.length === 0 ? t('messages.compose.errors.recipients') : null}
              />
              <Textarea
                label={t('messages.forward.note')}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
                maxLength={10_000}
                autosize
                minRows={3}
                dir="auto"
              />
              <ProblemAlert error={forward.error} title={t('messages.forward.refused')} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            {red ? null : (
              <Button type="submit" loading={forward.isPending}>
                {t('messages.forward.send')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
