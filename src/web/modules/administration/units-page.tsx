import { Select, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { isAdministrator, isPlatformAdmin, meQuery, queryClient } from '../../api/session.js';
import type { Me, Unit } from '../../api/types.js';
import { NotAllowedPage } from '../../app/page.js';
import { AdminList } from './admin-list.js';
import { FormModal } from './form-modal.js';
import { useOrganisationOptions } from './options.js';

const ENDPOINT = '/api/v1/admin/units';

type Editing = { mode: 'create' } | { mode: 'edit'; unit: Unit };

function UnitForm({ me, editing, onClose }: { me: Me; editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const platformAdmin = isPlatformAdmin(me);
  const initial = editing.mode === 'edit' ? editing.unit : null;
  const [organisationId, setOrganisationId] = useState<string | null>(initial?.organisationId ?? me.organisation.id);
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const organisations = useOrganisationOptions(platformAdmin && !initial);

  const save = useMutation({
    mutationFn: () =>
      initial
        ? api.patch<Unit>(`${ENDPOINT}/${encodeURIComponent(initial.id)}`, { name: name.trim(), description: description.trim() })
        : api.post<Unit>(ENDPOINT, { organisationId, name: name.trim(), description: description.trim() || undefined }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [ENDPOINT] });
      void queryClient.invalidateQueries({ queryKey: ['/api/v1/admin/organisations'] });
      onClose();
    },
  });

  return (
    <FormModal
      opened
      title={initial ? t('units.edit') : t('units.create')}
      submitLabel={initial ? t('common.save') : t('common.create')}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      busy={save.isPending}
      error={save.error}
    >
      {platformAdmin && !initial ? (
        <Select
          label={t('units.organisation')}
          data={organisations.data ?? []}
          value={organisationId}
          onChange={setOrganisationId}
          searchable
          required
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
        />
      ) : (
        <Text>
          <Text span fw={600}>
            {t('units.organisation')}:
          </Text>{' '}
          {initial?.organisationName ?? me.organisation.name}
        </Text>
      )}
      <TextInput
        label={t('units.name')}
        required
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        data-autofocus
      />
      <Textarea
        label={t('units.description')}
        maxLength={2000}
        autosize
        minRows={3}
        value={description}
        onChange={(event) => setDescription(event.currentTarget.value)}
      />
    </FormModal>
  );
}

export function UnitsPage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const platformAdmin = isPlatformAdmin(me);
  const organisations = useOrganisationOptions(platformAdmin);
  if (!me || !isAdministrator(me)) return <NotAllowedPage />;
  return (
    <>
      <AdminList<Unit>
        title={t('units.title')}
        caption={platformAdmin ? t('units.captionAll') : t('units.captionOwn', { organisation: me.organisation.name })}
        endpoint={ENDPOINT}
        filters={{ organisationId: organisationId ?? undefined }}
        toolbar={
          platformAdmin ? (
            <Select
              label={t('units.organisationFilter')}
              placeholder={t('common.all')}
              data={organisations.data ?? []}
              value={organisationId}
              onChange={setOrganisationId}
              searchable
              clearable
              w={260}
              nothingFoundMessage={t('common.nothingFound')}
            />
          ) : null
        }
        rowName={(row) => row.name}
        createLabel={t('units.create')}
        onCreate={() => setEditing({ mode: 'create' })}
        onEdit={(unit) => setEditing({ mode: 'edit', unit })}
        columns={[
          { header: t('units.name'), cell: (row) => row.name },
          ...(platformAdmin ? [{ header: t('units.organisation'), cell: (row: Unit) => row.organisationName }] : []),
          { header: t('units.description'), cell: (row) => row.description ?? '' },
          { header: t('units.members'), cell: (row) => row.memberCount },
        ]}
      />
      {editing ? <UnitForm me={me} editing={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
