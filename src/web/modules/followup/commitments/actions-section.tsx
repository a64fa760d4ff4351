import { Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_TRANSITIONS, type ActionStatus, statusChangeNeedsReason } from '../../../../shared/followup/vocabulary.js';
import { meQuery } from '../../../api/session.js';
import { formatDate, formatDateTime } from '../../../app/format.js';
import { unitsQuery } from '../../exchange/messages/messages-api.js';
import {
  addAction,
  type CommitmentDetail,
  editAction,
  type FollowupAction,
  refreshFollowup,
  setActionStatus,
} from './commitments-api.js';
import { MutationProblem, reloadIfStale } from './mutation-problem.js';
import { ActionStatusTag, OverdueTag } from './parts.js';
import { ReasonDialog } from './reason-dialog.js';

/** A change of an action made with a reason: the follow-up refreshed, then the dialog closed; a stale one reloads. */
function useActionChange(change: (reason: string) => Promise<unknown>, onClose: () => void) {
  return useMutation({
    mutationFn: change,
    onSuccess: async () => {
      await refreshFollowup();
      onClose();
    },
    onError: reloadIfStale,
  });
}

function StatusDialog({ action, onClose }: { action: FollowupAction; onClose: () => void }) {
  const { t } = useTranslation();
  const next = ACTION_TRANSITIONS[action.status];
  const [status, setStatus] = useState<ActionStatus | null>(next[0] ?? null);
  const change = useActionChange(
    (reason) =>
      setActionStatus(action.id, { revision: action.revision, status: status ?? action.status, ...(reason ? { reason } : {}) }),
    onClose,
  );
  return (
    <ReasonDialog
      opened
      title={t('followupCommitments.actions.changeStatusOf', { title: action.title })}
      message={t('followupCommitments.actions.changeStatusHint')}
      confirmLabel={t('followupCommitments.actions.changeStatus')}
      busy={change.isPending}
      error={change.error}
      required={!!status && statusChangeNeedsReason(action.status, status)}
      canConfirm={!!status}
      onConfirm={(reason) => change.mutate(reason)}
      onClose={onClose}
    >
      <Select
        label={t('followupCommitments.actions.newStatus')}
        data={next.map((value) => ({ value, label: t(`followupCommitments.actionStatus.${value}`) }))}
        value={status}
        onChange={(value) => setStatus(value as ActionStatus | null)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: false }}
      />
    </ReasonDialog>
  );
}

function DueDateDialog({ action, onClose }: { action: FollowupAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [dueOn, setDueOn] = useState(action.dueOn);
  const change = useActionChange((reason) => editAction(action.id, { revision: action.revision, dueOn, reason }), onClose);
  return (
    <ReasonDialog
      opened
      title={t('followupCommitments.actions.changeDueOf', { title: action.title })}
      message={t('followupCommitments.actions.changeDueHint')}
      confirmLabel={t('followupCommitments.actions.changeDue')}
      busy={change.isPending}
      error={change.error}
      required
      canConfirm={!!dueOn && dueOn !== action.dueOn}
      onConfirm={(reason) => change.mutate(reason)}
      onClose={onClose}
    >
      <TextInput
        type="date"
        label={t('followupCommitments.actions.newDue')}
        value={dueOn}
        onChange={(event) => setDueOn(event.currentTarget.value)}
      />
    </ReasonDialog>
  );
}

function History({ action }: { action: FollowupAction }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (!action.history.length) return null;
  return (
    <details>
      <summary>
        <Text component="span" size="sm">
          {t('followupCommitments.actions.history', { count: action.history.length })}
        </Text>
      </summary>
      <ol className="fu-history">
        {action.history.map((entry) => (
          <li key={`${entry.at}-${entry.toStatus}-${entry.toDueOn}`}>
            <Text size="sm">
              {formatDateTime(entry.at, language)}
              {entry.by ? (
                <>
                  {' — '}
                  <bdi>{entry.by.name}</bdi>
                </>
              ) : null}
              {': '}
              {entry.fromStatus && entry.fromStatus !== entry.toStatus
                ? t('followupCommitments.actions.statusChanged', {
                    from: t(`followupCommitments.actionStatus.${entry.fromStatus}`),
                    to: t(`followupCommitments.actionStatus.${entry.toStatus}`),
                  })
                : entry.fromStatus === null
                  ? t('followupCommitments.actions.created', { status: t(`followupCommitments.actionStatus.${entry.toStatus}`) })
                  : ''}
              {entry.fromDueOn && entry.fromDueOn !== entry.toDueOn
                ? ` ${t('followupCommitments.actions.dueChanged', {
                    from: formatDate(entry.fromDueOn, language),
                    to: formatDate(entry.toDueOn, language),
                  })}`
                : ''}
            </Text>
            {entry.reason ? (
              <Text size="sm" c="dimmed">
                {t('followupCommitments.history.reason')} <bdi>{entry.reason}</bdi>
              </Text>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Units of the commitment's partners, to own an action. */
function usePartnerUnits(commitment: CommitmentDetail) {
  const units = useQuery(unitsQuery);
  return useMemo(() => {
    const partners = new Set(commitment.partners.map((partner) => partner.organisation.id));
    const options = (units.data?.items ?? [])
      .filter((unit) => partners.has(unit.organisation.id))
      .map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.organisation.acronym ?? unit.organisation.name})` }));
    // The creating unit is always offered, even before the directory answers.
    if (!options.some((option) => option.value === commitment.originatorUnit.id)) {
      options.unshift({ value: commitment.originatorUnit.id, label: commitment.originatorUnit.name });
    }
    return options;
  }, [units.data, commitment.partners, commitment.originatorUnit]);
}

function NewActionForm({ commitment }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const units = usePartnerUnits(commitment);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [ownerUnitId, setOwnerUnitId] = useState<string | null>(commitment.originatorUnit.id);
  const [dueOn, setDueOn] = useState('');
  const [tried, setTried] = useState(false);
  const add = useMutation({
    mutationFn: () => addAction(commitment.id, { title: title.trim(), description, ownerUnitId: ownerUnitId ?? '', dueOn }),
    onSuccess: async () => {
      await refreshFollowup();
      setTitle('');
      setDescription('');
      setDueOn('');
      setTried(false);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (title.trim() && ownerUnitId && dueOn) add.mutate();
  };
  return (
    <details>
      <summary>
        <Text component="span" fw={600}>
          {t('followupCommitments.actions.add')}
        </Text>
      </summary>
      <form onSubmit={submit} noValidate aria-label={t('followupCommitments.actions.add')}>
        <Stack mt="sm" maw={700}>
          <TextInput
            label={t('followupCommitments.actions.title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            required
            maxLength={300}
            dir="auto"
            error={tried && !title.trim() ? t('followupCommitments.form.errors.title') : null}
          />
          <Textarea
            label={t('followupCommitments.actions.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            autosize
            minRows={2}
            dir="auto"
          />
          <Group grow align="flex-start">
            <Select
              label={t('followupCommitments.actions.ownerUnit')}
              data={units}
              value={ownerUnitId}
              onChange={setOwnerUnitId}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('common.nothingFound')}
            />
            <TextInput
              type="date"
              label={t('followupCommitments.actions.dueOn')}
              value={dueOn}
              onChange={(event) => setDueOn(event.currentTarget.value)}
              required
              error={tried && !dueOn ? t('followupCommitments.actions.dueRequired') : null}
            />
          </Group>
          <MutationProblem error={add.error} />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('followupCommitments.actions.addButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </details>
  );
}

/** The commitment's actions: status, owner, due date (overdue marked), changes with their reasons. */
export function ActionsSection({ commitment }: { commitment: CommitmentDetail }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [dialog, setDialog] = useState<{ kind: 'status' | 'due'; id: string } | null>(null);
  // The action as last fetched: after a stale edit the dialog works on the fresh revision.
  const inDialog = dialog ? commitment.actionItems.find((action) => action.id === dialog.id) : undefined;
  const open = commitment.status !== 'cancelled';
  // The lead organisation and the members of an action's owner unit update it (the server decides).
  const mayUpdate = (action: FollowupAction) =>
    open && (commitment.permissions.edit || !!me?.units.some((unit) => unit.id === action.ownerUnit.id));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="fu-actions">
      <Stack gap="sm">
        <Title order={2} size="h4" id="fu-actions">
          {t('followupCommitments.actions.heading', { count: commitment.actionItems.length })}
        </Title>
        {commitment.actionItems.length === 0 ? (
          <Text c="dimmed">{t('followupCommitments.actions.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-labelledby="fu-actions" data-testid="actions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('followupCommitments.actions.title')}</Table.Th>
                  <Table.Th scope="col">{t('followupCommitments.actions.ownerUnit')}</Table.Th>
                  <Table.Th scope="col">{t('followupCommitments.actions.dueOn')}</Table.Th>
                  <Table.Th scope="col">{t('followupCommitments.fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {commitment.actionItems.map((action) => (
                  <Table.Tr key={action.id} data-testid="action-row">
                    <Table.Td>
                      <Text fw={600} size="sm" dir="auto">
                        {action.title}
                      </Text>
                      {action.description ? (
                        <Text size="sm" c="dimmed" dir="auto">
                          {action.description}
                        </Text>
                      ) : null}
                      <History action={action} />
                    </Table.Td>
                    <Table.Td>
                      <bdi>{action.ownerUnit.name}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <time dateTime={action.dueOn}>{formatDate(action.dueOn, i18n.language)}</time>
                        {action.overdue ? <OverdueTag /> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <ActionStatusTag status={action.status} />
                    </Table.Td>
                    <Table.Td>
                      {mayUpdate(action) ? (
                        <Group gap="xs">
                          {ACTION_TRANSITIONS[action.status].length ? (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => setDialog({ kind: 'status', id: action.id })}
                              aria-label={t('followupCommitments.actions.changeStatusOf', { title: action.title })}
                            >
                              {t('followupCommitments.actions.changeStatus')}
                            </Button>
                          ) : null}
                          {action.status !== 'cancelled' && action.status !== 'done' ? (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => setDialog({ kind: 'due', id: action.id })}
                              aria-label={t('followupCommitments.actions.changeDueOf', { title: action.title })}
                            >
                              {t('followupCommitments.actions.changeDue')}
                            </Button>
                          ) : null}
                        </Group>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {commitment.permissions.edit && open ? <NewActionForm commitment={commitment} /> : null}
      </Stack>
      {inDialog && dialog?.kind === 'status' ? <StatusDialog action={inDialog} onClose={() => setDialog(null)} /> : null}
      {inDialog && dialog?.kind === 'due' ? <DueDateDialog action={inDialog} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}
