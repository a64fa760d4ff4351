import { Select } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';

/**
 * A form that creates a record, then opens it: errors show once the reader has tried to submit,
 * a valid form creates, the lists are refreshed and the new record's page opens.
 */
export function useCreateAndOpen<Created extends { id: string }>(options: {
  create: () => Promise<Created>;
  errors: Record<string, string | null | undefined>;
  refresh: () => Promise<unknown>;
  pathOf: (id: string) => string;
}) {
  const navigate = useNavigate();
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: options.create,
    onSuccess: async (created) => {
      await options.refresh();
      await navigate({ to: options.pathOf(created.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(options.errors).every((error) => !error)) create.mutate();
  };
  return { create, submit, tried };
}

/** The unit a new record belongs to: asked only of people who hold more than one. */
export function UnitSelect({
  units,
  value,
  onChange,
  label,
  description,
  error,
}: {
  units: readonly { id: string; name: string }[];
  value: string | null;
  onChange: (unitId: string | null) => void;
  label: string;
  description: string;
  error?: ReactNode;
}) {
  if (units.length <= 1) return null;
  return (
    <Select
      label={label}
      description={description}
      data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
      value={value}
      onChange={onChange}
      allowDeselect={false}
      error={error}
    />
  );
}
