import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { queryClient } from '../../api/session.js';
import { ProblemAlert } from '../../app/page.js';

interface FormModalProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  children: ReactNode;
}

/** A dialog holding one create or edit form; Escape and Cancel close it, focus stays inside. */
export function FormModal(props: FormModalProps) {
  const { t } = useTranslation();
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit();
  }
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack component="form" onSubmit={submit}>
        <ProblemAlert error={props.error} />
        {props.children}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={props.busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface RowFormModalProps<T extends { id: string }> {
  /** The collection: a new row is posted to it, an existing one patched at `<endpoint>/<id>`. */
  endpoint: string;
  /** The row being edited, or null for a new one. */
  initial: T | null;
  titles: { create: string; edit: string };
  /** The body that creates a new row. */
  create: () => unknown;
  /** The body that changes the row being edited. */
  update: () => unknown;
  /** Other collections whose lists, counts or options the change affects. */
  alsoInvalidates?: string[];
  onClose: () => void;
  children: ReactNode;
}

/** The create/edit dialog of an administration page: saves the row, refreshes the lists, closes. */
export function RowFormModal<T extends { id: string }>(props: RowFormModalProps<T>) {
  const { t } = useTranslation();
  const { endpoint, initial } = props;
  const save = useMutation({
    mutationFn: () =>
      initial
        ? api.patch<T>(`${endpoint}/${encodeURIComponent(initial.id)}`, props.update())
        : api.post<T>(endpoint, props.create()),
    onSuccess: () => {
      for (const key of [endpoint, ...(props.alsoInvalidates ?? [])]) void queryClient.invalidateQueries({ queryKey: [key] });
      props.onClose();
    },
  });
  return (
    <FormModal
      opened
      title={initial ? props.titles.edit : props.titles.create}
      submitLabel={initial ? t('common.save') : t('common.create')}
      onClose={props.onClose}
      onSubmit={() => save.mutate()}
      busy={save.isPending}
      error={save.error}
    >
      {props.children}
    </FormModal>
  );
}

/** Which row the create/edit dialog is open for, if it is open: `row` is null for a new one. */
export function useRowDialog<T>() {
  const [state, setState] = useState<{ row: T | null } | null>(null);
  return {
    isOpen: state !== null,
    row: state?.row ?? null,
    openNew: () => setState({ row: null }),
    openRow: (row: T) => setState({ row }),
    close: () => setState(null),
  };
}

/** '' for an empty optional text, so PATCH can clear it; undefined would leave it unchanged. */
export const trimmed = (value: string) => value.trim();
export const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
