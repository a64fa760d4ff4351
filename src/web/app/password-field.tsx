import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's PasswordInput with its show/hide button named in the interface language. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }} />;
}

type PasswordValueProps = Omit<PasswordInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
};

/** A required field for the password a person has now, so that password managers fill it in. */
export function CurrentPasswordField({ onChange, ...props }: PasswordValueProps) {
  return (
    <PasswordField
      autoComplete="current-password"
      required
      {...props}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

/** A required field for a password being chosen, so that password managers may offer one. */
export function NewPasswordField({ onChange, ...props }: PasswordValueProps) {
  return (
    <PasswordField autoComplete="new-password" required {...props} onChange={(event) => onChange(event.currentTarget.value)} />
  );
}
