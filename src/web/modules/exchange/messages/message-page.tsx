import { Anchor, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { meQuery, queryClient } from '../../../api/session.js';
import { can } from '../../../app/capabilities.js';
import { formatList } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { AttachmentList } from '../attachments/attachment-list.js';
import { isProblem } from '../problems.js';
import { ForwardDialog } from './forward-dialog.js';
import { MessageActions } from './message-actions.js';
import { HandlingCodeBadge, MessageBody, RfiFacts, useFormatTime } from './message-parts.js';
import {
  acknowledgeMessage,
  type MessageDetail,
  markThreadRead,
  messageKeys,
  messageQuery,
  parseMessageListSearch,
  refreshMessages,
  type ThreadMessage,
} from './messages-api.js';
import { useRecipientNames } from './recipients.js';
import './messages.css';

/** One message of the thread, as a card: who wrote it, from where, when, under which code and restrictions. */
function ThreadEntry({ message, current }: { message: ThreadMessage; current: boolean }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const recipients = useRecipientNames()(message.distribution).all;
  const headingId = `thread-entry-${message.id}`;
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={headingId}
      className="thread-entry"
      data-current={current || undefined}
      aria-current={current ? 'true' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id={headingId} dir="auto">
            <bdi>{message.subject}</bdi>
          </Title>
          <HandlingCodeBadge code={message.handlingCode} />
        </Group>
        <Text size="sm" component="p">
          {t('messages.thread.sender', {
            name: message.sender.name,
            unit: message.fromUnit.name,
            organisation: message.fromOrganisation.name,
          })}
          {' · '}
          <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
        </Text>
        {recipients.length ? (
          <Text size="sm" component="p" className="message-recipients">
            {t('messages.thread.to', { recipients: formatList(recipients) })}
          </Text>
        ) : null}
        <RfiFacts message={message} />
        {message.restrictions.length ? (
          <List size="sm" aria-label={t('messages.thread.restrictions')} className="message-restrictions">
            {message.restrictions.map((restriction) => (
              <List.Item key={restriction}>{t(`messages.restrictions.${restriction}`)}</List.Item>
            ))}
          </List>
        ) : null}
        <MessageBody body={message.body} html={message.bodyHtml} />
        <AttachmentList messageId={message.id} attachments={message.attachments} />
      </Stack>
    </Card>
  );
}

function Acknowledgements({ message }: { message: MessageDetail }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  return (
    <section aria-labelledby="acknowledgements-heading">
      <Title order={2} size="h4" id="acknowledgements-heading" mb="xs">
        {t('messages.thread.readBy')}
      </Title>
      {message.acknowledgements.length === 0 ? (
        <Text c="dimmed">{t('messages.thread.nobodyYet')}</Text>
      ) : (
        <List aria-labelledby="acknowledgements-heading">
          {message.acknowledgements.map((ack) => (
            <List.Item key={ack.unitId}>
              {t('messages.thread.acknowledgement', { unit: ack.unit, organisation: ack.organisation })}
              {' · '}
              <time dateTime={ack.at}>{formatTime(ack.at)}</time>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

/** A message with its thread, who read it, and what the reader can do: acknowledge, reply, forward. */
export function MessagePage() {
  const { t } = useTranslation();
  const { messageId } = useParams({ from: '/signed-in/messages/$messageId' });
  const { data: me } = useQuery(meQuery);
  const message = useQuery(messageQuery(messageId));
  const [forwarding, setForwarding] = useState(false);
  // Back to the box the reader came from.
  const listContext = parseMessageListSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const acknowledge = useMutation({
    mutationFn: () => acknowledgeMessage(messageId),
    onSuccess: async (updated) => {
      queryClient.setQueryData(messageKeys.one(messageId), updated);
      await refreshMessages();
    },
  });

  // Opening the thread reads it whole; a failure only leaves the badge as it was.
  const loaded = message.data?.id;
  useEffect(() => {
    if (loaded) markThreadRead(loaded).catch(() => undefined);
  }, [loaded]);

  // Not there and not visible look the same, so nothing leaks about messages the reader may not see.
  // A malformed id is as unknown as a missing or hidden message.
  if (isProblem(message.error, PLATFORM_PROBLEMS, 'not-found') || isProblem(message.error, PLATFORM_PROBLEMS, 'validation')) {
    return <NotFoundPage />;
  }
  if (message.isPending) return <Loader aria-label={t('messages.list.loading')} />;
  if (!message.data) return <ProblemAlert error={message.error} />;
  const detail = message.data;
  const ownMessage = !!me?.units.some((unit) => unit.id === detail.fromUnit.id);
  const thread = detail.thread.length ? detail.thread : [detail];
  // A request for information another unit asked, still awaiting answers: replying answers it.
  const answering = detail.kind === 'rfi' && !ownMessage && detail.status !== 'closed';

  return (
    <Stack>
      <Anchor component={Link} to="/messages" search={listContext as never} size="sm">
        {t('messages.thread.back')}
      </Anchor>
      <PageTitle>{detail.subject}</PageTitle>
      <MessageActions key={detail.id} detail={detail}>
        {!detail.read && !ownMessage ? (
          <Button onClick={() => acknowledge.mutate()} loading={acknowledge.isPending}>
            {t('messages.thread.acknowledge')}
          </Button>
        ) : null}
        {/* A reader reads: replying, answering and forwarding are sending (the server refuses them too). */}
        {can(me, 'message.send') ? (
          <>
            <Button
              variant={answering ? 'filled' : 'default'}
              renderRoot={(props) => <Link to="/messages/new" search={{ inReplyTo: detail.id }} {...props} />}
            >
              {answering ? t('messages.thread.answer') : t('messages.thread.reply')}
            </Button>
            <Button variant="default" onClick={() => setForwarding(true)}>
              {t('messages.thread.forward')}
            </Button>
          </>
        ) : null}
      </MessageActions>
      {detail.read && !ownMessage ? <Text size="sm">{t('messages.thread.acknowledged')}</Text> : null}
      <ProblemAlert error={acknowledge.error} />
      <Acknowledgements message={detail} />
      <section aria-labelledby="thread-heading">
        <Title order={2} size="h4" id="thread-heading" mb="xs">
          {t('messages.thread.title', { count: thread.length })}
        </Title>
        <Stack>
          {thread.map((entry) => (
            <ThreadEntry key={entry.id} message={entry} current={entry.id === detail.id} />
          ))}
        </Stack>
      </section>
      <ForwardDialog key={String(forwarding)} message={detail} opened={forwarding} onClose={() => setForwarding(false)} />
    </Stack>
  );
}
