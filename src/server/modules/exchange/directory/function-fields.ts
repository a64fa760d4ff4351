/**
 * The fields of a function its unit's managers edit. Columns, records and replies use the same
 * names, so one picker copies them everywhere and a column added later is never copied by accident.
 */
export interface FunctionFields {
  title: string;
  kind: string;
  themes: string[];
  email: string | null;
  phone: string | null;
  description: string;
  active: boolean;
}

export const pickFunctionFields = (record: FunctionFields): FunctionFields => ({
  title: record.title,
  kind: record.kind,
  themes: record.themes,
  email: record.email,
  phone: record.phone,
  description: record.description,
  active: record.active,
});
