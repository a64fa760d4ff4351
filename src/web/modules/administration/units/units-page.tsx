import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAdministrator, isPlatformAdmin, meQuery } from '../../../api/session.js';
import type { Me, Unit } from '../../../api/types.js';
import { NotAllowedPage } from '../../../app/page.js';
import { DescriptionField, NameField, OrganisationChoice, OrganisationFilter } from '../admin-fields.js';
import { AdminList } from '../admin-list.js';
import { RowFormModal, useRowDialog } from '../form-modal.js';

const ENDPOINT = '/api/v1/admin/units';

function UnitForm({ me, initial, onClose }: { me: Me; initial: Unit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState<string | null>(initial?.organisationId ?? me.organisation.id);
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');

  return (
    <RowFormModal
      endpoint={ENDPOINT}
      initial={initial}
      titles={{ create: t('units.create'), edit: t('units.edit') }}
      create={() => ({ organisationId, name: name.trim(), description: description.trim() || undefined })}
      update={() => ({ name: name.trim(), description: description.trim() })}
      alsoInvalidates={['/api/v1/admin/organisations']}
      onClose={onClose}
    >
      <OrganisationChoice
        label={t('units.organisation')}
        choose={isPlatformAdmin(me) && !initial}
        value={organisationId}
        onChange={setOrganisationId}
        fixedName={initial?.organisationName ?? me.organisation.name}
      />
      <NameField label={t('units.name')} value={name} onChange={setName} />
      <DescriptionField label={t('units.description')} value={description} onChange={setDescription} />
    </RowFormModal>
  );
}

export function UnitsPage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const dialog = useRowDialog<Unit>();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const platformAdmin = isPlatformAdmin(me);
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
            <OrganisationFilter label={t('units.organisationFilter')} value={organisationId} onChange={setOrganisationId} />
          ) : null
        }
        rowName={(row) => row.name}
        createLabel={t('units.create')}
        onCreate={dialog.openNew}
        onEdit={dialog.openRow}
        columns={[
          { header: t('units.name'), cell: (row) => row.name },
          ...(platformAdmin ? [{ header: t('units.organisation'), cell: (row: Unit) => row.organisationName }] : []),
          { header: t('units.description'), cell: (row) => row.description ?? '' },
          { header: t('units.members'), cell: (row) => row.memberCount },
        ]}
      />
      {dialog.isOpen ? <UnitForm me={me} initial={dialog.row} onClose={dialog.close} /> : null}
    </>
  );
}
