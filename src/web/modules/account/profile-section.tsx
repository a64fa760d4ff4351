import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ME_KEY, queryClient } from '../../api/session.js';
import type { Locale, Me } from '../../api/types.js';
import { LocaleSelect } from '../../app/locale-select.js';
import { ProblemAlert } from '../../app/page.js';
import { changeLanguage } from '../../i18n/index.js';
import { Section } from './section.js';

export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setLocale] = useState<Locale>(me.locale);
  const save = useMutation({
    mutationFn: () => api.patch<Me>('/api/v1/me', { displayName: displayName.trim(), locale }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(ME_KEY, updated);
      await changeLanguage(updated.locale);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Section id="profile" title={t('account.profile.title')}>
      <Stack component="form" onSubmit={submit} maw={480}>
        <ProblemAlert error={save.error} />
        {save.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('account.profile.saved')}
          </Alert>
        ) : null}
        <TextInput
          label={t('account.profile.displayName')}
          required
          maxLength={200}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
        />
        <LocaleSelect
          label={t('account.profile.locale')}
          description={t('account.profile.localeHint')}
          value={locale}
          onChange={setLocale}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
