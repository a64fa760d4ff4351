import { MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../../api/client.js';
import { isPlatformAdmin } from '../../../api/session.js';
import type { Me } from '../../../api/types.js';
import { FormModal } from '../../administration/form-modal.js';
import { DIRECTORY_API, type FunctionDetail, functionPath, refreshDirectory, type UnitList } from './directory-api.js';
import { useKindOptions, useThemeOptions } from './options.js';

/** Units a new function may belong to: the administrator's own organisation's (a platform admin's: all). */
function useUnitOptions(me: Me) {
  return useQuery({
    queryKey: ['directory', 'units', isPlatformAdmin(me) ? 'all' : me.organisation.id],
    queryFn: async () => {
      const organisation = isPlatformAdmin(me) ? undefined : me.organisation.id;
      const answer = await api.get<UnitList>(withQuery(`${DIRECTORY_API}/units`, { organisation }));
      return answer.items.map((unit) => ({
        value: unit.id,
        label: `${unit.name} — ${unit.organisation.acronym ?? unit.organisation.name}`,
      }));
    },
  });
}

/** "New function" for organisation administrators; on success, opens the new function's page. */
export function NewFunctionForm({ me, onClose }: { me: Me; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useUnitOptions(me);
  const kinds = useKindOptions();
  const themeOptions = useThemeOptions();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [themes, setThemes] = useState<string[]>([]);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.post<FunctionDetail>(`${DIRECTORY_API}/functions`, {
        unitId,
        title: title.trim(),
        kind,
        themes,
        email: email.trim() || null,
        phone: phone.trim() || null,
        description: description.trim(),
      }),
    onSuccess: async (created) => {
      await refreshDirectory();
      onClose();
      await navigate({ to: functionPath(created.id) });
    },
  });
  return (
    <FormModal
      opened
      title={t('directory.newFunction.title')}
      submitLabel={t('common.create')}
      onClose={onClose}
      onSubmit={() => create.mutate()}
      busy={create.isPending}
      error={create.error ?? units.error}
    >
      <Select
        label={t('directory.unit')}
        data={units.data ?? []}
        value={unitId}
        onChange={setUnitId}
        required
        searchable
        data-autofocus
        nothingFoundMessage={t('common.nothingFound')}
      />
      <TextInput
        label={t('directory.newFunction.titleField')}
        required
        maxLength={200}
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
      />
      <Select label={t('directory.kind')} data={kinds} value={kind} onChange={setKind} required allowDeselect={false} />
      <MultiSelect label={t('directory.themes')} data={themeOptions} value={themes} onChange={setThemes} searchable />
      <TextInput
        type="email"
        label={t('directory.email')}
        description={t('directory.newFunction.emailHint')}
        maxLength={254}
        value={email}
        onChange={(event) => setEmail(event.currentTarget.value)}
      />
      <TextInput
        type="tel"
        label={t('directory.phone')}
        maxLength={40}
        value={phone}
        onChange={(event) => setPhone(event.currentTarget.value)}
      />
      <Textarea
        label={t('directory.description')}
        maxLength={2000}
        autosize
        minRows={2}
        value={description}
        onChange={(event) => setDescription(event.currentTarget.value)}
      />
    </FormModal>
  );
}
