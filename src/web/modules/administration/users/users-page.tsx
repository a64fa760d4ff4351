import { Checkbox, Group, MultiSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAdministrator, isPlatformAdmin, meQuery } from '../../../api/session.js';
import { type Locale, type Me, ROLES, type User } from '../../../api/types.js';
import { formatDateTime, formatList } from '../../../app/format.js';
import { LocaleSelect } from '../../../app/locale-select.js';
import { NotAllowedPage } from '../../../app/page.js';
import { NewPasswordField } from '../../../app/password-field.js';
import { OrganisationChoice, OrganisationFilter, ReadOnlyValue } from '../admin-fields.js';
import { AdminList } from '../admin-list.js';
import { RowFormModal, useRowDialog } from '../form-modal.js';
import { useUnitOptions } from '../options.js';

const ENDPOINT = '/api/v1/admin/users';

function UserForm({ me, initial, onClose }: { me: Me; initial: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const platformAdmin = isPlatformAdmin(me);
  const [email, setEmail] = useState(initial?.email ?? '');
  const [displayName, setDisplayName] = useState(initial?.displayName ?? '');
  const [password, setPassword] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(initial?.organisationId ?? me.organisation.id);
  const [unitIds, setUnitIds] = useState<string[]>(initial?.unitIds ?? []);
  const [roles, setRoles] = useState<string[]>(initial?.roles ?? []);
  const [locale, setLocale] = useState<Locale>(initial?.locale ?? 'en');
  const units = useUnitOptions(organisationId);
  // Only a platform administrator may make another one; the server refuses it anyway.
  const offeredRoles = ROLES.filter((role) => role !== 'platform_admin' || platformAdmin);

  return (
    <RowFormModal
      endpoint={ENDPOINT}
      initial={initial}
      titles={{ create: t('users.create'), edit: t('users.edit') }}
      create={() => ({
        email: email.trim(),
        displayName: displayName.trim(),
        password,
        organisationId,
        unitIds,
        roles,
        locale,
      })}
      update={() => ({ displayName: displayName.trim(), unitIds, roles, locale })}
      alsoInvalidates={['/api/v1/admin/units', '/api/v1/admin/organisations']}
      onClose={onClose}
    >
      {initial ? (
        <ReadOnlyValue label={t('users.email')}>
          <span dir="ltr">{initial.email}</span>
        </ReadOnlyValue>
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
        <NewPasswordField
          label={t('users.initialPassword')}
          description={t('account.password.rules')}
          value={password}
          onChange={setPassword}
        />
      )}
      <OrganisationChoice
        label={t('users.organisation')}
        choose={platformAdmin && !initial}
        value={organisationId}
        onChange={(value) => {
          setOrganisationId(value);
          setUnitIds([]);
        }}
        fixedName={initial?.organisationName ?? me.organisation.name}
      />
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
      <LocaleSelect label={t('users.locale')} value={locale} onChange={setLocale} />
    </RowFormModal>
  );
}

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const dialog = useRowDialog<User>();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const platformAdmin = isPlatformAdmin(me);
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
            <OrganisationFilter label={t('users.organisationFilter')} value={organisationId} onChange={setOrganisationId} />
          ) : null
        }
        rowName={(row) => row.displayName}
        createLabel={t('users.create')}
        onCreate={dialog.openNew}
        onEdit={dialog.openRow}
        columns={[
          { header: t('users.displayName'), cell: (row) => row.displayName },
          { header: t('users.email'), cell: (row) => <span dir="ltr">{row.email}</span> },
          ...(platformAdmin ? [{ header: t('users.organisation'), cell: (row: User) => row.organisationName }] : []),
          {
            header: t('users.roles'),
            cell: (row) =>
              formatList(
                row.roles.map((role) => t(`roles.${role}`, { defaultValue: role })),
                i18n.language,
              ),
          },
          {
            header: t('users.lastLogin'),
            cell: (row) => (row.lastLoginAt ? formatDateTime(row.lastLoginAt, i18n.language) : t('users.never')),
          },
        ]}
      />
      {dialog.isOpen ? <UserForm me={me} initial={dialog.row} onClose={dialog.close} /> : null}
    </>
  );
}
