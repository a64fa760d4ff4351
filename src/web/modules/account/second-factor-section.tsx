import { Alert, Badge, Button, Group, Image, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ME_KEY, queryClient } from '../../api/session.js';
import type { Me, TotpEnabled, TotpSetup } from '../../api/types.js';
import { TotpCodeInput } from '../../app/code-input.js';
import { ProblemAlert } from '../../app/page.js';
import { CurrentPasswordField } from '../../app/password-field.js';
import { Section } from './section.js';

interface Setup extends TotpSetup {
  qrDataUrl: string;
}

async function refreshMe() {
  await queryClient.invalidateQueries({ queryKey: ME_KEY });
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="orange" variant="light" title={t('account.totp.recoveryTitle')} role="alert">
        {t('account.totp.recoveryWarning')}
      </Alert>
      <List className="recovery-codes" data-testid="recovery-codes" listStyleType="none">
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group>
        <Button onClick={onDone}>{t('account.totp.recoverySaved')}</Button>
      </Group>
    </Stack>
  );
}

function Enrolment() {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const start = useMutation({
    mutationFn: async (): Promise<Setup> => {
      const answer = await api.post<TotpSetup>('/api/v1/me/totp/setup');
      const qrDataUrl = await QRCode.toDataURL(answer.otpauthUri, { margin: 2, width: 220, errorCorrectionLevel: 'M' });
      return { ...answer, qrDataUrl };
    },
    onSuccess: (value) => {
      setSetup(value);
      setCode('');
    },
  });
  const enable = useMutation({
    mutationFn: () => api.post<TotpEnabled>('/api/v1/me/totp/enable', { code: code.trim() }),
    onSuccess: (answer) => {
      setRecoveryCodes(answer.recoveryCodes);
      setSetup(null);
    },
  });

  if (recoveryCodes) {
    // Me is refreshed only once the codes are put away, or the section would switch to "enabled" under them.
    return <RecoveryCodes codes={recoveryCodes} onDone={() => void refreshMe()} />;
  }

  if (!setup) {
    return (
      <Stack align="flex-start">
        <ProblemAlert error={start.error} />
        <Text>{t('account.totp.explain')}</Text>
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('account.totp.setUp')}
        </Button>
      </Stack>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    enable.mutate();
  }

  return (
    <Stack component="form" onSubmit={submit} maw={520}>
      <Text>{t('account.totp.scan')}</Text>
      <Image src={setup.qrDataUrl} alt={t('account.totp.qrAlt')} w={220} h={220} fit="contain" />
      <Text size="sm">{t('account.totp.manual')}</Text>
      <Text className="secret" data-testid="totp-secret" fw={600}>
        {setup.secret}
      </Text>
      <ProblemAlert error={enable.error} />
      <TotpCodeInput label={t('account.totp.code')} value={code} onChange={setCode} />
      <Group>
        <Button type="submit" loading={enable.isPending}>
          {t('account.totp.enable')}
        </Button>
        <Button variant="default" onClick={() => setSetup(null)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function Disable() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const disable = useMutation({
    mutationFn: () => api.post<void>('/api/v1/me/totp/disable', { password }),
    onSuccess: () => {
      setPassword('');
      void refreshMe();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    disable.mutate();
  }
  return (
    <Stack component="form" onSubmit={submit} maw={480}>
      <Text>{t('account.totp.disableExplain')}</Text>
      <ProblemAlert error={disable.error} />
      <CurrentPasswordField label={t('account.totp.password')} value={password} onChange={setPassword} />
      <Group>
        <Button type="submit" color="red" variant="outline" loading={disable.isPending}>
          {t('account.totp.disable')}
        </Button>
      </Group>
    </Stack>
  );
}

export function SecondFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Section id="second-factor" title={t('account.totp.title')}>
      <Stack>
        <Group gap="xs">
          <Text>{t('account.totp.status')}</Text>
          <Badge color={me.totpEnabled ? 'green' : 'gray'} variant="light" tt="none" size="lg">
            {me.totpEnabled ? t('account.totp.on') : t('account.totp.off')}
          </Badge>
        </Group>
        {me.mustEnrolTotp ? (
          <Alert color="orange" variant="light" role="note">
            {t('account.totp.required')}
          </Alert>
        ) : null}
        {me.totpEnabled ? <Disable /> : <Enrolment />}
      </Stack>
    </Section>
  );
}
