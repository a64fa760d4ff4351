import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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

/** '' for an empty optional text, so PATCH can clear it; undefined would leave it unchanged. */
export const trimmed = (value: string) => value.trim();
export const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
