import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useRouter, useSearch } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTH_PROBLEMS } from '../../../shared/auth/problems.js';
import { isProblem } from '../../api/client.js';
import { signIn } from '../../api/session.js';
import { TotpCodeInput } from '../../app/code-input.js';
import { PageTitle, ProblemAlert } from '../../app/page.js';
import { CurrentPasswordField } from '../../app/password-field.js';
import { safeRedirect } from '../../app/redirect.js';
import { applyLanguageAtSignIn } from './session-language.js';

type Step = 'password' | 'second-factor';

export function LoginPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>('password');
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [totp, setTotp] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  const secondFactor = () => {
    if (step !== 'second-factor') return {};
    return useRecoveryCode ? { recoveryCode: recoveryCode.trim() } : { totp: totp.trim() };
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await signIn({ email: email.trim(), password, ...secondFactor() });
      await applyLanguageAtSignIn(me);
      router.history.push(safeRedirect(search.redirect));
    } catch (caught) {
      if (isProblem(caught, AUTH_PROBLEMS, 'second-factor-required')) {
        setStep('second-factor');
        // Focus the new field so the person can type the code at once.
        setTimeout(() => codeInput.current?.focus(), 0);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  function backToPassword() {
    setStep('password');
    setTotp('');
    setRecoveryCode('');
    setUseRecoveryCode(false);
    setError(null);
  }

  return (
    <Stack maw={420} mx="auto" mt="xl">
      <PageTitle description={t('login.intro')}>{t('login.title')}</PageTitle>
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate={false}>
        <Stack>
          <ProblemAlert error={error} title={t('login.failed')} />
          {step === 'password' ? (
            <>
              <TextInput
                label={t('login.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <CurrentPasswordField label={t('login.password')} value={password} onChange={setPassword} />
            </>
          ) : (
            <>
              <Text>{useRecoveryCode ? t('login.recoveryIntro') : t('login.secondFactorIntro')}</Text>
              {useRecoveryCode ? (
                <TextInput
                  ref={codeInput}
                  label={t('login.recoveryCode')}
                  autoComplete="off"
                  required
                  value={recoveryCode}
                  onChange={(event) => setRecoveryCode(event.currentTarget.value)}
                />
              ) : (
                <TotpCodeInput ref={codeInput} label={t('login.totp')} pattern="[0-9]{6}" value={totp} onChange={setTotp} />
              )}
              <Anchor component="button" type="button" size="sm" onClick={() => setUseRecoveryCode((value) => !value)}>
                {useRecoveryCode ? t('login.useTotp') : t('login.useRecoveryCode')}
              </Anchor>
            </>
          )}
          <Button type="submit" loading={busy}>
            {step === 'password' ? t('login.submit') : t('login.verify')}
          </Button>
          {step === 'second-factor' ? (
            <Button type="button" variant="subtle" onClick={backToPassword}>
              {t('login.back')}
            </Button>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
