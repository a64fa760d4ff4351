import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_PROBLEMS } from '../../../../shared/exchange/messages/problems.js';
import { meQuery, queryClient } from '../../../api/session.js';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { ProblemAlert } from '../../../app/page.js';
import { isProblem } from '../problems.js';
import { useFormatTime } from './message-parts.js';
import {
  archiveMessage,
  closeRequest,
  type MessageDetail,
  messageKeys,
  parseMessageListSearch,
  refreshMessages,
} from './messages-api.js';

/**
 * The unit whose inbox the buttons act on: the one the reader came from (`?unit=…`, carried by the
 * list's links) if the message was delivered there, else the first of the reader's units that
 * received it. The server says where it sits for each of them (`deliveries`).
 */
function useDeliveryUnit(detail: MessageDetail) {
  const { data: me } = useQuery(meQuery);
  const context = parseMessageListSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const units = me?.units ?? [];
  const deliveries = detail.deliveries;
  const delivery = deliveries.find((candidate) => candidate.unitId === context.unit) ?? deliveries[0];
  const unit = units.find((candidate) => candidate.id === (delivery?.unitId ?? context.unit)) ?? units[0];
  const asking = units.some((candidate) => candidate.id === detail.fromUnit.id);
  return { unit, delivery, asking };
}

/**
 * The message's buttons: those of the page (`children`: acknowledge, reply, forward), archive /
 * back to inbox for the reader's unit, and closing an RFI for the unit that asked it.
 */
export function MessageActions({ detail, children }: { detail: MessageDetail; children: ReactNode }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { unit, delivery, asking } = useDeliveryUnit(detail);
  const archived = delivery?.archived ?? false;
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const onDone = async (updated: MessageDetail) => {
    queryClient.setQueryData(messageKeys.one(detail.id), updated);
    await refreshMessages();
  };
  const archive = useMutation({
    mutationFn: (to: boolean) => archiveMessage(detail.id, to, unit?.id),
    onMutate: () => setNotice(null),
    onSuccess: async (updated, to) => {
      setNotice(t(to ? 'messages.actions.archived' : 'messages.actions.unarchived', { unit: unit?.name ?? '' }));
      await onDone(updated);
    },
  });
  const close = useMutation({
    mutationFn: () => closeRequest(detail.id),
    onSuccess: async (updated) => {
      setConfirming(false);
      await onDone(updated);
    },
  });
  // "Not in that unit's inbox" is an answer about the message, not a failure of the page.
  const notDelivered = isProblem(archive.error, MESSAGE_PROBLEMS, 'not-delivered');
  const closable =
    detail.kind === 'rfi' && asking && (detail.status === 'open' || detail.status === 'answered' || detail.status === 'overdue');

  return (
    <>
      <Group>
        {children}
        {delivery ? (
          <Button variant="default" loading={archive.isPending} onClick={() => archive.mutate(!archived)}>
            {archived ? t('messages.actions.unarchive') : t('messages.actions.archive')}
          </Button>
        ) : null}
        {closable ? (
          <Button variant="default" color="red" onClick={() => setConfirming(true)}>
            {t('messages.actions.close')}
          </Button>
        ) : null}
      </Group>
      {detail.closedAt ? (
        <Text size="sm" className="rfi-closed">
          {t('messages.actions.closedOn')} <time dateTime={detail.closedAt}>{formatTime(detail.closedAt)}</time>
        </Text>
      ) : null}
      {notice ? (
        <Text size="sm" role="status">
          {notice}
        </Text>
      ) : null}
      {notDelivered || (!delivery && !asking && unit) ? (
        <Alert variant="light" color="gray" role="status" title={t('messages.actions.notDeliveredTitle')}>
          {t('messages.actions.notDelivered', { unit: unit?.name ?? '' })}
        </Alert>
      ) : (
        <ProblemAlert error={archive.error} />
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('messages.actions.closeTitle')}
        message={t('messages.actions.closeMessage')}
        confirmLabel={t('messages.actions.closeConfirm')}
        busy={close.isPending}
        error={close.error}
        onConfirm={() => close.mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
