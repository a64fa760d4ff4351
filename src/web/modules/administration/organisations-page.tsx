import { NativeSelect, Select, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { isPlatformAdmin, meQuery, queryClient } from '../../api/session.js';
import { ORGANISATION_KINDS, type Organisation, type OrganisationKind } from '../../api/types.js';
import { NotAllowedPage } from '../../app/page.js';
import { countryName, countryOptions } from '../../i18n/index.js';
import { AdminList } from './admin-list.js';
import { FormModal } from './form-modal.js';

const ENDPOINT = '/api/v1/admin/organisations';

type Editing = { mode: 'create' } | { mode: 'edit'; organisation: Organisation };

function OrganisationForm({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const initial = editing.mode === 'edit' ? editing.organisation : null;
  const [name, setName] = useState(initial?.name ?? '');
  const [acronym, setAcronym] = useState(initial?.acronym ?? '');
  const [country, setCountry] = useState<string | null>(initial?.country ?? null);
  const [kind, setKind] = useState<OrganisationKind>(initial?.kind ?? 'government_agency');
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);

  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), acronym: acronym.trim() || null, country, kind };
      return initial
        ? api.patch<Organisation>(`${ENDPOINT}/${encodeURIComponent(initial.id)}`, body)
        : api.post<Organisation>(ENDPOINT, { ...body, acronym: body.acronym ?? undefined, country: country ?? undefined });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [ENDPOINT] });
      onClose();
    },
  });

  return (
    <FormModal
      opened
      title={initial ? t('organisations.edit') : t('organisations.create')}
      submitLabel={initial ? t('common.save') : t('common.create')}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      busy={save.isPending}
      error={save.error}
    >
      <TextInput
        label={t('organisations.name')}
        required
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        data-autofocus
      />
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
    </FormModal>
  );
}

export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [editing, setEditing] = useState<Editing | null>(null);
  if (!isPlatformAdmin(me)) return <NotAllowedPage />;
  return (
    <>
      <AdminList<Organisation>
        title={t('organisations.title')}
        caption={t('organisations.caption')}
        endpoint={ENDPOINT}
        rowName={(row) => row.name}
        createLabel={t('organisations.create')}
        onCreate={() => setEditing({ mode: 'create' })}
        onEdit={(organisation) => setEditing({ mode: 'edit', organisation })}
        columns={[
          { header: t('organisations.name'), cell: (row) => row.name },
          { header: t('organisations.acronym'), cell: (row) => row.acronym ?? '' },
          { header: t('organisations.country'), cell: (row) => countryName(row.country, i18n.language) },
          { header: t('organisations.kind'), cell: (row) => t(`organisationKinds.${row.kind}`, { defaultValue: row.kind }) },
          { header: t('organisations.units'), cell: (row) => row.unitCount },
          { header: t('organisations.users'), cell: (row) => row.userCount },
        ]}
      />
      {editing ? <OrganisationForm editing={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
