import { NativeSelect, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPlatformAdmin, meQuery } from '../../../api/session.js';
import { ORGANISATION_KINDS, type Organisation, type OrganisationKind } from '../../../api/types.js';
import { NotAllowedPage } from '../../../app/page.js';
import { countryName, countryOptions } from '../../../i18n/index.js';
import { NameField } from '../admin-fields.js';
import { AdminList } from '../admin-list.js';
import { RowFormModal, useRowDialog } from '../form-modal.js';

const ENDPOINT = '/api/v1/admin/organisations';

function OrganisationForm({ initial, onClose }: { initial: Organisation | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [acronym, setAcronym] = useState(initial?.acronym ?? '');
  const [country, setCountry] = useState<string | null>(initial?.country ?? null);
  const [kind, setKind] = useState<OrganisationKind>(initial?.kind ?? 'government_agency');
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const body = () => ({ name: name.trim(), acronym: acronym.trim() || null, country, kind });

  return (
    <RowFormModal
      endpoint={ENDPOINT}
      initial={initial}
      titles={{ create: t('organisations.create'), edit: t('organisations.edit') }}
      create={() => ({ ...body(), acronym: acronym.trim() || undefined, country: country ?? undefined })}
      update={body}
      onClose={onClose}
    >
      <NameField label={t('organisations.name')} value={name} onChange={setName} />
      <TextInput
        label={t('organisations.acronym')}
        maxLength={30}
        value={acronym}
        onChange={(event) => setAcronym(event.currentTarget.value)}
      />
      <Select
        label={t('organisations.country')}
        data={countries}
        value={country}
        onChange={setCountry}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
      />
      <NativeSelect
        label={t('organisations.kind')}
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value as OrganisationKind)}
        data={ORGANISATION_KINDS.map((value) => ({ value, label: t(`organisationKinds.${value}`) }))}
      />
    </RowFormModal>
  );
}

export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const dialog = useRowDialog<Organisation>();
  if (!isPlatformAdmin(me)) return <NotAllowedPage />;
  return (
    <>
      <AdminList<Organisation>
        title={t('organisations.title')}
        caption={t('organisations.caption')}
        endpoint={ENDPOINT}
        rowName={(row) => row.name}
        createLabel={t('organisations.create')}
        onCreate={dialog.openNew}
        onEdit={dialog.openRow}
        columns={[
          { header: t('organisations.name'), cell: (row) => row.name },
          { header: t('organisations.acronym'), cell: (row) => row.acronym ?? '' },
          { header: t('organisations.country'), cell: (row) => countryName(row.country, i18n.language) },
          { header: t('organisations.kind'), cell: (row) => t(`organisationKinds.${row.kind}`, { defaultValue: row.kind }) },
          { header: t('organisations.units'), cell: (row) => row.unitCount },
          { header: t('organisations.users'), cell: (row) => row.userCount },
        ]}
      />
      {dialog.isOpen ? <OrganisationForm initial={dialog.row} onClose={dialog.close} /> : null}
    </>
  );
}
