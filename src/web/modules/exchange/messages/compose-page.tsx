import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_PROBLEMS } from '../../../../shared/exchange/messages/problems.js';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { AttachmentsField, type AttachmentsValue } from '../attachments/attachments-field.js';
import { problemOf } from '../problems.js';
import { MessageHandlingCodePicker, RecipientPicker, useFormatTime } from './message-parts.js';
import {
  localDateTimeToIso,
  type MessageDetail,
  type MessageKind,
  messagePath,
  messageQuery,
  PRIORITIES,
  type Priority,
  RESTRICTIONS,
  type Restriction,
  refreshMessages,
  sendMessage,
  toDistribution,
} from './messages-api.js';
import './messages.css';

const MAX_SUBJECT = 300;
const MAX_BODY = 100_000;

/**
 * A reply goes back to the unit that wrote, under the same code (or a stricter one), in the same
 * thread; the answer to a request for information too (sending it answers the request).
 */
function replyDefaults(parent: MessageDetail | undefined, to: string | undefined) {
  if (!parent) return { subject: '', recipients: to ? [to] : [], handlingCode: 'TLP:GREEN' as HandlingCode };
  const subject = /^re:/i.test(parent.subject) ? parent.subject : `Re: ${parent.subject}`;
  return {
    subject: subject.slice(0, MAX_SUBJECT),
    recipients: [`unit:${parent.fromUnit.id}`],
    handlingCode: parent.handlingCode,
  };
}

/** What the form says it answers: a request for information (with its deadline) or a message. */
function Answering({ parent }: { parent: MessageDetail }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const rfi = parent.kind === 'rfi';
  return (
    <Alert variant="light" color="liaison" title={rfi ? t('messages.compose.answeringRfi') : t('messages.compose.replyingTo')}>
      <Anchor component={Link} to={messagePath(parent.id)} dir="auto">
        {parent.subject}
      </Anchor>
      {rfi && parent.deadline ? (
        <Text size="sm">
          {t('messages.compose.answerBy')} <time dateTime={parent.deadline}>{formatTime(parent.deadline)}</time>
        </Text>
      ) : null}
    </Alert>
  );
}

function ComposeForm({ parent, to }: { parent?: MessageDetail; to?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const defaults = replyDefaults(parent, to);
  const [kind, setKind] = useState<MessageKind>('message');
  const [recipients, setRecipients] = useState<string[]>(defaults.recipients);
  const [handlingCode, setHandlingCode] = useState<HandlingCode>(defaults.handlingCode);
  const [restrictions, setRestrictions] = useState<Restriction[]>([]);
  const [priority, setPriority] = useState<Priority>('routine');
  const [deadline, setDeadline] = useState('');
  const [subject, setSubject] = useState(defaults.subject);
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<AttachmentsValue>({ ids: [], uploading: false, failed: false });
  const [tried, setTried] = useState(false);

  const deadlineIso = localDateTimeToIso(deadline);
  const errors = {
    recipients: recipients.length === 0 ? t('messages.compose.errors.recipients') : null,
    subject: subject.trim() ? null : t('messages.compose.errors.subject'),
    body: body.trim() ? null : t('messages.compose.errors.body'),
    deadline:
      kind !== 'rfi'
        ? null
        : !deadlineIso
          ? t('messages.compose.errors.deadline')
          : new Date(deadlineIso).getTime() <= Date.now()
            ? t('messages.compose.errors.deadlinePast')
            : null,
    attachments: attachments.uploading
      ? t('attachments.compose.stillUploading')
      : attachments.failed
        ? t('attachments.compose.removeFailed')
        : null,
  };
  const valid = Object.values(errors).every((error) => !error);

  const send = useMutation({
    mutationFn: () =>
      sendMessage({
        kind,
        subject: subject.trim(),
        body,
        handlingCode,
        restrictions,
        distribution: toDistribution(recipients),
        priority,
        deadline: kind === 'rfi' ? deadlineIso : undefined,
        inReplyTo: parent?.id,
        attachmentIds: attachments.ids,
      }),
    onSuccess: async (sent) => {
      await refreshMessages();
      await navigate({ to: messagePath(sent.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (valid) send.mutate();
  };
  const shown = (error: string | null) => (tried ? error : null);
  // The deadline may pass between the form's check and the server's: said next to the field.
  const refused = problemOf(send.error, MESSAGE_PROBLEMS);
  const deadlineRefused =
    refused === 'deadline-past'
      ? t('messages.compose.errors.deadlinePast')
      : refused === 'deadline-required'
        ? t('messages.compose.errors.deadline')
        : null;

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate maw={820}>
      <Stack>
        {parent ? <Answering parent={parent} /> : null}
        <Radio.Group label={t('messages.compose.kind')} value={kind} onChange={(value) => setKind(value as MessageKind)}>
          <Group mt="xs">
            <Radio value="message" label={t('messages.kind.message')} />
            <Radio value="rfi" label={t('messages.kind.rfiLong')} />
          </Group>
        </Radio.Group>
        <RecipientPicker value={recipients} onChange={setRecipients} error={shown(errors.recipients)} withFunctions />
        <MessageHandlingCodePicker value={handlingCode} onChange={setHandlingCode} loosest={parent?.handlingCode} />
        <Checkbox.Group
          label={t('messages.compose.restrictions')}
          value={restrictions}
          onChange={(value) => setRestrictions(value as Restriction[])}
        >
          <Stack gap="xs" mt="xs">
            {RESTRICTIONS.map((restriction) => (
              <Checkbox key={restriction} value={restriction} label={t(`messages.restrictions.${restriction}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group grow align="flex-start">
          <Select
            label={t('messages.compose.priority')}
            data={PRIORITIES.map((value) => ({ value, label: t(`messages.priority.${value}`) }))}
            value={priority}
            onChange={(value) => setPriority((value as Priority | null) ?? 'routine')}
            allowDeselect={false}
          />
          {kind === 'rfi' ? (
            <TextInput
              type="datetime-local"
              label={t('messages.compose.deadline')}
              description={t('messages.compose.deadlineHint')}
              value={deadline}
              onChange={(event) => setDeadline(event.currentTarget.value)}
              required
              error={shown(errors.deadline) ?? deadlineRefused}
            />
          ) : null}
        </Group>
        <TextInput
          label={t('messages.compose.subject')}
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
          maxLength={MAX_SUBJECT}
          required
          dir="auto"
          error={shown(errors.subject)}
        />
        <Textarea
          label={t('messages.compose.body')}
          description={t('messages.compose.bodyHint')}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          maxLength={MAX_BODY}
          autosize
          minRows={8}
          required
          dir="auto"
          error={shown(errors.body)}
        />
        <AttachmentsField onChange={setAttachments} error={shown(errors.attachments)} />
        <ProblemAlert error={deadlineRefused ? null : send.error} title={t('messages.compose.refused')} />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t('messages.compose.send')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * A new message or request for information; `?inReplyTo=<id>` answers a message (or a request for
 * information) in its thread, `?to=function:<id>` starts one to a recipient chosen elsewhere.
 */
export function ComposePage() {
  const { t } = useTranslation();
  const { inReplyTo, to } = useSearch({ from: '/signed-in/messages/new' });
  const parent = useQuery({ ...messageQuery(inReplyTo ?? ''), enabled: !!inReplyTo });
  return (
    <Stack>
      <PageTitle>
        {!inReplyTo
          ? t('messages.compose.title')
          : parent.data?.kind === 'rfi'
            ? t('messages.compose.answerTitle')
            : t('messages.compose.replyTitle')}
      </PageTitle>
      {inReplyTo && parent.isPending ? <Loader aria-label={t('messages.list.loading')} /> : null}
      <ProblemAlert error={parent.error} />
      {!inReplyTo ? <ComposeForm to={to} /> : parent.data ? <ComposeForm key={parent.data.id} parent={parent.data} /> : null}
    </Stack>
  );
}
