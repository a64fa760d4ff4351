import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ProblemAlert } from '../../app/page.js';
import { CurrentPasswordField, NewPasswordField } from '../../app/password-field.js';
import { Section } from './section.js';

/** The server has the last word on strength (length, common passwords); we only check the two match. */
export function PasswordSection() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => api.post<void>('/api/v1/me/password', { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirmation('');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (newPassword !== confirmation) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate();
  }

  return (
    <Section id="password" title={t('account.password.title')}>
      <Stack component="form" onSubmit={submit} maw={480}>
        <ProblemAlert error={change.error} />
        {change.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('account.password.changed')}
          </Alert>
        ) : null}
        <CurrentPasswordField label={t('account.password.current')} value={currentPassword} onChange={setCurrentPassword} />
        <NewPasswordField
          label={t('account.password.new')}
          description={t('account.password.rules')}
          value={newPassword}
          onChange={setNewPassword}
        />
        <NewPasswordField
          label={t('account.password.confirm')}
          value={confirmation}
          error={mismatch ? t('account.password.mismatch') : undefined}
          onChange={setConfirmation}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('account.password.submit')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
