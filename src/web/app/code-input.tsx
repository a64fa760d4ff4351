import { TextInput, type TextInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

type TotpCodeInputProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  /** Receives the digits only: anything else typed or pasted is dropped. */
  onChange: (digits: string) => void;
  ref?: Ref<HTMLInputElement>;
};

/** A required field for the six-digit code of an authenticator app. */
export function TotpCodeInput({ onChange, ...props }: TotpCodeInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      description={t('common.totpHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      {...props}
      onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, ''))}
    />
  );
}
