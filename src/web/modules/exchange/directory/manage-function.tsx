import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import type { User } from '../../../api/types.js';
import { ProblemAlert } from '../../../app/page.js';
import { fetchAll } from '../../administration/admin-list.js';
import { DIRECTORY_API, type FunctionDetail, functionRequest, refreshDirectory, today } from './directory-api.js';

/** Active people of the function's organisation, who alone may hold it. */
function usePeople(organisationId: string) {
  return useQuery({
    queryKey: ['directory', 'people', organisationId],
    queryFn: async () =>
      (await fetchAll<User>('/api/v1/admin/users', { organisationId })).map((user) => ({
        value: user.id,
        label: `${user.displayName} (${user.email})`,
      })),
  });
}

function AssignHolder({ fn }: { fn: FunctionDetail }) {
  const { t } = useTranslation();
  const people = usePeople(fn.organisation.id);
  const [userId, setUserId] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState(today());
  const [endsOn, setEndsOn] = useState('');
  const [note, setNote] = useState('');
  const assign = useMutation({
    mutationFn: () =>
      api.post<FunctionDetail>(`${functionRequest(fn.id)}/holders`, {
        userId,
        startsOn,
        endsOn: endsOn || null,
        note: note.trim(),
      }),
    onSuccess: async () => {
      setUserId(null);
      setEndsOn('');
      setNote('');
      await refreshDirectory();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    assign.mutate();
  }
  return (
    <Stack component="form" gap="sm" onSubmit={submit} aria-labelledby="assign-holder">
      <Title order={3} size="h5" id="assign-holder">
        {t('directory.manage.assign')}
      </Title>
      <ProblemAlert error={assign.error ?? people.error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('directory.manage.person')}
          data={people.data ?? []}
          value={userId}
          onChange={setUserId}
          searchable
          required
          nothingFoundMessage={t('common.nothingFound')}
        />
        <TextInput
          label={t('directory.manage.note')}
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('directory.manage.startsOn')}
          required
          value={startsOn}
          onChange={(event) => setStartsOn(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('directory.manage.endsOn')}
          value={endsOn}
          min={startsOn}
          onChange={(event) => setEndsOn(event.currentTarget.value)}
        />
      </SimpleGrid>
      <Group>
        <Button type="submit" loading={assign.isPending}>
          {t('directory.manage.assignSubmit')}
        </Button>
        {assign.isSuccess ? (
          <Text size="sm" role="status">
            {t('directory.manage.assigned')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

/** The function's administrators: assign holders, end periods, deactivate or reactivate. */
export function ManageFunction({ fn }: { fn: FunctionDetail }) {
  const { t } = useTranslation();
  const change = useMutation({
    mutationFn: (action: { holderId: string } | { active: boolean }) =>
      'holderId' in action
        ? api.patch<FunctionDetail>(`${functionRequest(fn.id)}/holders/${encodeURIComponent(action.holderId)}`, {
            endsOn: today(),
          })
        : api.patch<FunctionDetail>(`${DIRECTORY_API}/functions/${encodeURIComponent(fn.id)}`, { active: action.active }),
    onSuccess: () => refreshDirectory(),
  });
  const open = fn.holders.filter((holder) => holder.startsOn <= today() && (holder.endsOn === null || holder.endsOn > today()));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="manage-function">
      <Title order={2} size="h4" id="manage-function" mb="sm">
        {t('directory.manage.title')}
      </Title>
      <Stack gap="lg">
        <ProblemAlert error={change.error} />
        {open.length ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('directory.manage.endTitle')}
            </Title>
            {open.map((holder) => (
              <Group key={holder.id} gap="sm">
                <Text size="sm">{holder.name}</Text>
                <Button
                  size="xs"
                  variant="default"
                  loading={change.isPending}
                  aria-label={t('directory.manage.endLabel', { name: holder.name })}
                  onClick={() => change.mutate({ holderId: holder.id })}
                >
                  {t('directory.manage.end')}
                </Button>
              </Group>
            ))}
          </Stack>
        ) : null}
        {fn.active ? <AssignHolder fn={fn} /> : null}
        <Group>
          <Button variant="light" color={fn.active ? 'red' : 'liaison'} onClick={() => change.mutate({ active: !fn.active })}>
            {fn.active ? t('directory.manage.deactivate') : t('directory.manage.reactivate')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
