import { MultiSelect, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { isPlatformAdmin, meQuery, queryClient } from '../../api/session.js';
import type { SharingGroup } from '../../api/types.js';
import { NotAllowedPage } from '../../app/page.js';
import { AdminList } from './admin-list.js';
import { FormModal } from './form-modal.js';
import { useOrganisationOptions } from './options.js';

const ENDPOINT = '/api/v1/admin/sharing-groups';

type Editing = { mode: 'create' } | { mode: 'edit'; group: SharingGroup };

function SharingGroupForm({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const initial = editing.mode === 'edit' ? editing.group : null;
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [organisationIds, setOrganisationIds] = useState<string[]>(initial?.organisations.map((o) => o.id) ?? []);
  const organisations = useOrganisationOptions(true);
  // A member organisation that is now inactive still has to be shown (and removable).
  const known = new Set((organisations.data ?? []).map((option) => option.value));
  const options = [
    ...(organisations.data ?? []),
    ...(initial?.organisations ?? []).filter((o) => !known.has(o.id)).map((o) => ({ value: o.id, label: o.name })),
  ];

  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), description: description.trim(), organisationIds };
      return initial
        ? api.patch<SharingGroup>(`${ENDPOINT}/${encodeURIComponent(initial.id)}`, body)
        : api.post<SharingGroup>(ENDPOINT, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [ENDPOINT] });
      onClose();
    },
  });

  return (
    <FormModal
      opened
      title={initial ? t('sharingGroups.edit') : t('sharingGroups.create')}
      submitLabel={initial ? t('common.save') : t('common.create')}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      busy={save.isPending}
      error={save.error}
    >
      <TextInput
        label={t('sharingGroups.name')}
        required
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        data-autofocus
      />
      <Textarea
        label={t('sharingGroups.description')}
        maxLength={2000}
        autosize
        minRows={3}
        value={description}
        onChange={(event) => setDescription(event.currentTarget.value)}
      />
      <MultiSelect
        label={t('sharingGroups.organisations')}
        data={options}
        value={organisationIds}
        onChange={setOrganisationIds}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
      />
    </FormModal>
  );
}

export function SharingGroupsPage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [editing, setEditing] = useState<Editing | null>(null);
  if (!isPlatformAdmin(me)) return <NotAllowedPage />;
  return (
    <>
      <AdminList<SharingGroup>
        title={t('sharingGroups.title')}
        caption={t('sharingGroups.caption')}
        endpoint={ENDPOINT}
        rowName={(row) => row.name}
        createLabel={t('sharingGroups.create')}
        onCreate={() => setEditing({ mode: 'create' })}
        onEdit={(group) => setEditing({ mode: 'edit', group })}
        columns={[
          { header: t('sharingGroups.name'), cell: (row) => row.name },
          { header: t('sharingGroups.description'), cell: (row) => row.description ?? '' },
          {
            header: t('sharingGroups.organisations'),
            cell: (row) => row.organisations.map((organisation) => organisation.name).join(', '),
          },
        ]}
      />
      {editing ? <SharingGroupForm editing={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
