import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './page.js';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  message: string;
  /** The label of the (red) button that does it. */
  confirmLabel: string;
  busy: boolean;
  /** Shown in the dialog when given; otherwise the page shows what went wrong. */
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
  /** What the action needs besides a yes (a reason, a file), under the message. */
  children?: ReactNode;
  /** False while what the children ask for is missing. */
  canConfirm?: boolean;
}

/** Asks before something that is hard to undo (deactivating, revoking); Escape and Cancel back out. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text>{props.message}</Text>
        {props.children}
        <ProblemAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={props.busy} disabled={props.canConfirm === false} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
