import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPlatformAdmin, meQuery } from '../../../api/session.js';
import type { SharingGroup } from '../../../api/types.js';
import { formatList } from '../../../app/format.js';
import { NotAllowedPage } from '../../../app/page.js';
import { DescriptionField, NameField } from '../admin-fields.js';
import { AdminList } from '../admin-list.js';
import { RowFormModal, useRowDialog } from '../form-modal.js';
import { useOrganisationOptions } from '../options.js';

const ENDPOINT = '/api/v1/admin/sharing-groups';

function SharingGroupForm({ initial, onClose }: { initial: SharingGroup | null; onClose: () => void }) {
  const { t } = useTranslation();
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
  const body = () => ({ name: name.trim(), description: description.trim(), organisationIds });

  return (
    <RowFormModal
      endpoint={ENDPOINT}
      initial={initial}
      titles={{ create: t('sharingGroups.create'), edit: t('sharingGroups.edit') }}
      create={body}
      update={body}
      onClose={onClose}
    >
      <NameField label={t('sharingGroups.name')} value={name} onChange={setName} />
      <DescriptionField label={t('sharingGroups.description')} value={description} onChange={setDescription} />
      <MultiSelect
        label={t('sharingGroups.organisations')}
        data={options}
        value={organisationIds}
        onChange={setOrganisationIds}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
      />
    </RowFormModal>
  );
}

export function SharingGroupsPage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const dialog = useRowDialog<SharingGroup>();
  if (!isPlatformAdmin(me)) return <NotAllowedPage />;
  return (
    <>
      <AdminList<SharingGroup>
        title={t('sharingGroups.title')}
        caption={t('sharingGroups.caption')}
        endpoint={ENDPOINT}
        rowName={(row) => row.name}
        createLabel={t('sharingGroups.create')}
        onCreate={dialog.openNew}
        onEdit={dialog.openRow}
        columns={[
          { header: t('sharingGroups.name'), cell: (row) => row.name },
          { header: t('sharingGroups.description'), cell: (row) => row.description ?? '' },
          {
            header: t('sharingGroups.organisations'),
            cell: (row) => formatList(row.organisations.map((organisation) => organisation.name)),
          },
        ]}
      />
      {dialog.isOpen ? <SharingGroupForm initial={dialog.row} onClose={dialog.close} /> : null}
    </>
  );
}
