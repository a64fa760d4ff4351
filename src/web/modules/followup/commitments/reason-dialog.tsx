import { Textarea } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { MutationProblem } from './mutation-problem.js';

interface ReasonDialogProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  /** A reason must be given (a cancellation, a delay, a reopening, a new due date…). */
  required: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  /** What else the change needs (a new status, a date), above the reason. */
  children?: ReactNode;
  canConfirm?: boolean;
}

/** Asks for the reason of a change, kept in the record's history. */
export function ReasonDialog({ opened, required, onConfirm, children, canConfirm = true, error, ...props }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (opened) setReason('');
  }, [opened]);
  return (
    <ConfirmDialog
      {...props}
      opened={opened}
      canConfirm={canConfirm && (!required || reason.trim() !== '')}
      onConfirm={() => onConfirm(reason.trim())}
    >
      {children}
      <Textarea
        label={t('followupCommitments.reason')}
        description={required ? t('followupCommitments.reasonRequired') : t('followupCommitments.reasonOptional')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        required={required}
        autosize
        minRows={2}
        maxLength={2000}
        dir="auto"
        data-autofocus
      />
      <MutationProblem error={error} />
    </ConfirmDialog>
  );
}
