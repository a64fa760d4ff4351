import { Anchor } from '@mantine/core';
import { formatPhone, phoneHref } from '../../../shared/exchange/phone.js';

/**
 * A phone number as every exchange page shows it: international format, dialable, and always
 * left to right — in an Arabic page "+221 33 123 45 67" must not read "67 45 123 33 221+".
 */
export function PhoneNumber({ value }: { value: string }) {
  const href = phoneHref(value);
  const text = <bdi dir="ltr">{formatPhone(value)}</bdi>;
  return href ? (
    <Anchor href={href} underline="always" dir="ltr" className="phone-number">
      {text}
    </Anchor>
  ) : (
    text
  );
}
