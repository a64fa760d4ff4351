import { Checkbox, Group, MultiSelect, NativeSelect, Select, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { isAdministrator, isPlatformAdmin, meQuery, queryClient } from '../../api/session.js';
import { LOCALES, type Locale, type Me, ROLES, type User } from '../../api/types.js';
import { NotAllowedPage } from '../../app/page.js';
import { PasswordField } from '../../app/password-field.js';
import { formatDateTime, isLocale, LANGUAGE_NAMES } from '../../i18n/index.js';
import { AdminList } from './admin-list.js';
import { FormModal } from './form-modal.js';
import { useOrganisationOptions, useUnitOptions } from './options.js';

const ENDPOINT = '/api/v1/admin/users';

type Editing = { mode: 'create' } | { mode: 'edit'; user: User };

function UserForm({ me, editing, onClose }: { me: Me; editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const platformAdmin = isPlatformAdmin(me);
  const initial = editing.mode === 'edit' ? editing.user : null;
  const [email, setEmail] = useState(initial?.email ?? '');
  const [displayName, setDisplayName] = useState(initial?.displayName ?? '');
  const [password, setPassword] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(initial?.organisationId ?? me.organisation.id);
  const [unitIds, setUnitIds] = useState<string[]>(initial?.unitIds ?? []);
  const [roles, setRoles] = useState<string[]>(initial?.roles ?? []);
  const [locale, setLocale] = useState<Locale>(initial?.locale ?? 'en');
  const organisations = useOrganisationOptions(platformAdmin && !initial);
  const units = useUnitOptions(organisationId);
  // Only a platform administrator may make another one; the server refuses it anyway.
  const offeredRoles = ROLES.filter((role) => role !== 'platform_admin' || platformAdmin);

  const save = useMutation({
    mutationFn: () =>
      initial
        ? api.patch<User>(`${ENDPOINT}/${encodeURIComponent(initial.id)}`, {
            displayName: displayName.trim(),
            unitIds,
            roles,
            locale,
          })
        : api.post<User>(ENDPOINT, {
            email: email.trim(),
            displayName: displayName.trim(),
            password,
            organisationId,
            unitIds,
            roles,
            locale,
          }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [ENDPOINT] });
      void queryClient.invalidateQueries({ queryKey: ['/api/v1/admin/units'] });
      void queryClient.invalidateQueries({ queryKey: ['/api/v1/admin/organisations'] });
      onClose();
    },
  });

  return (
    <FormModal
      opened
      title={initial ? t('users.edit') : t('users.create')}
      submitLabel={initial ? t('common.save') : t('common.create')}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      busy={save.isPending}
      error={save.error}
    >
      {initial ? (
        <Text>
          <Text span fw={600}>
            {t('users.email')}:
          </Text>{' '}
          <span dir="ltr">{initial.email}</span>
        </Text>
      ) : (
        <TextInput
          label={t('users.email')}
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          data-autofocus
        />
      )}
      <TextInput
        label={t('users.displayName')}
        required
        maxLength={120}
        value={displayName}
        onChange={(event) => setDisplayName(event.currentTarget.value)}
      />
      {initial ? null : (
        <PasswordField
          label={t('users.initialPassword')}
          description={t('account.password.rules')}
          required
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
      )}
      {platformAdmin && !initial ? (
        <Select
          label={t('users.organisation')}
          data={organisations.data ?? []}
          value={organisationId}
          onChange={(value) => {
            setOrganisationId(value);
            setUnitIds([]);
          }}
          searchable
          required
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
        />
      ) : (
        <Text>
          <Text span fw={600}>
            {t('users.organisation')}:
          </Text>{' '}
          {initial?.organisationName ?? me.organisation.name}
        </Text>
      )}
      <MultiSelect
        label={t('users.units')}
        data={units.data ?? []}
        value={unitIds}
        onChange={setUnitIds}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
      />
      <Checkbox.Group label={t('users.roles')} value={roles} onChange={setRoles}>
        <Group mt="xs">
          {offeredRoles.map((role) => (
            <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <NativeSelect
        label={t('users.locale')}
        value={locale}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLocale(value)) setLocale(value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </NativeSelect>
    </FormModal>
  );
}

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const platformAdmin = isPlatformAdmin(me);
  const organisations = useOrganisationOptions(platformAdmin);
  if (!me || !isAdministrator(me)) return <NotAllowedPage />;
  return (
    <>
      <AdminList<User>
        title={t('users.title')}
        caption={platformAdmin ? t('users.captionAll') : t('users.captionOwn', { organisation: me.organisation.name })}
        endpoint={ENDPOINT}
        filters={{ organisationId: organisationId ?? undefined }}
        toolbar={
          platformAdmin ? (
            <Select
              label={t('users.organisationFilter')}
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
        rowName={(row) => row.displayName}
        createLabel={t('users.create')}
        onCreate={() => setEditing({ mode: 'create' })}
        onEdit={(user) => setEditing({ mode: 'edit', user })}
        columns={[
          { header: t('users.displayName'), cell: (row) => row.displayName },
          { header: t('users.email'), cell: (row) => <span dir="ltr">{row.email}</span> },
          ...(platformAdmin ? [{ header: t('users.organisation'), cell: (row: User) => row.organisationName }] : []),
          {
            header: t('users.roles'),
            cell: (row) => row.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', '),
          },
          {
            header: t('users.lastLogin'),
            cell: (row) => (row.lastLoginAt ? formatDateTime(row.lastLoginAt, i18n.language) : t('users.never')),
          },
        ]}
      />
      {editing ? <UserForm me={me} editing={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
