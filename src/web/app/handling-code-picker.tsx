import { Radio, Stack } from '@mantine/core';
import { HANDLING_CODES, type HandlingCode } from '../../shared/handling-codes.js';

interface HandlingCodePickerProps {
  label: string;
  description: string;
  /** What the code means for what is being shared, in plain words and the reader's language. */
  explain: (code: HandlingCode) => string;
  value: HandlingCode;
  onChange: (code: HandlingCode) => void;
}

/** The handling codes as radio buttons, most restrictive first, each explained under its name. */
export function HandlingCodePicker({ label, description, explain, value, onChange }: HandlingCodePickerProps) {
  return (
    <Radio.Group label={label} description={description} value={value} onChange={(code) => onChange(code as HandlingCode)}>
      <Stack gap="xs" mt="xs">
        {HANDLING_CODES.map((code) => (
          <Radio key={code} value={code} label={code} description={explain(code)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
