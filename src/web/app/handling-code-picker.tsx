import { Radio, Stack } from '@mantine/core';
import { codesKeepingOrTightening, HANDLING_CODES, type HandlingCode } from '../../shared/handling-codes.js';

interface HandlingCodePickerProps {
  label: string;
  description: string;
  /** What the code means for what is being shared, in plain words and the reader's language. */
  explain: (code: HandlingCode) => string;
  value: HandlingCode;
  onChange: (code: HandlingCode) => void;
  /** The loosest code offered: a reply keeps its thread's code or a stricter one. All codes without it. */
  loosest?: HandlingCode;
}

/** The handling codes as radio buttons, most restrictive first, each explained under its name. */
export function HandlingCodePicker({ label, description, explain, value, onChange, loosest }: HandlingCodePickerProps) {
  const codes = loosest ? codesKeepingOrTightening(loosest) : HANDLING_CODES;
  return (
    <Radio.Group label={label} description={description} value={value} onChange={(code) => onChange(code as HandlingCode)}>
      <Stack gap="xs" mt="xs">
        {codes.map((code) => (
          <Radio key={code} value={code} label={code} description={explain(code)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
