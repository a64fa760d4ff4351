import { Button, Group, Select, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REFERRAL_LIMITS,
  REFERRAL_OUTCOMES,
  type ReferralOutcome,
  type ReferralStatus,
} from '../../../../shared/referral/vocabulary.js';
import { queryClient } from '../../../api/session.js';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { changeReferralStatus, type ReferralDetail, referralKeys, refreshReferrals } from './referrals-api.js';

/** The word of each move on its button; closing by the referring side is a withdrawal. */
const actionKey = (status: ReferralStatus, referral: ReferralDetail) =>
  status === 'closed' && referral.side === 'referring' && referral.status !== 'in_progress' ? 'withdraw' : status;

/**
 * The moves the server says this viewer may make (`permissions.transitions`), each confirmed in a
 * dialog: declining asks a reason, completing and closing an outcome.
 */
export function ReferralActions({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<ReferralStatus | null>(null);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<ReferralOutcome | null>(null);
  const [note, setNote] = useState('');
  const needsReason = target === 'declined';
  const needsOutcome = target === 'completed' || target === 'closed';
  const change = useMutation({
    mutationFn: (status: ReferralStatus) =>
      changeReferralStatus(referral.id, {
        status,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(needsOutcome && outcome ? { outcome } : {}),
        ...(needsOutcome && note.trim() ? { outcomeNote: note.trim() } : {}),
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(referralKeys.one(referral.id), updated);
      setTarget(null);
      setReason('');
      setOutcome(null);
      setNote('');
      await refreshReferrals();
    },
  });
  const transitions = referral.permissions.transitions;
  if (transitions.length === 0) return null;
  const key = target ? actionKey(target, referral) : null;
  return (
    <>
      <Group>
        {transitions.map((status) => (
          <Button
            key={status}
            variant={status === 'declined' || status === 'closed' ? 'outline' : 'filled'}
            color={status === 'declined' || status === 'closed' ? 'red' : undefined}
            onClick={() => {
              change.reset();
              setTarget(status);
            }}
          >
            {t(`referralReferrals.action.${actionKey(status, referral)}`)}
          </Button>
        ))}
      </Group>
      <ConfirmDialog
        opened={target !== null}
        title={key ? t(`referralReferrals.action.${key}`) : ''}
        message={key ? t(`referralReferrals.confirm.${key}`, { reference: referral.case.reference }) : ''}
        confirmLabel={key ? t(`referralReferrals.action.${key}`) : ''}
        busy={change.isPending}
        error={change.error}
        onConfirm={() => target && change.mutate(target)}
        onClose={() => setTarget(null)}
        canConfirm={(!needsReason || reason.trim().length > 0) && (!needsOutcome || outcome !== null)}
      >
        {needsOutcome ? (
          <Select
            label={t('referralReferrals.dialog.outcome')}
            data={REFERRAL_OUTCOMES.map((value) => ({ value, label: t(`referralReferrals.outcome.${value}`) }))}
            value={outcome}
            onChange={(value) => setOutcome(value as ReferralOutcome | null)}
            required
            comboboxProps={{ withinPortal: false }}
          />
        ) : null}
        {needsOutcome ? (
          <Textarea
            label={t('referralReferrals.dialog.outcomeNote')}
            description={t('referralReferrals.dialog.noPersonalData')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={REFERRAL_LIMITS.reason}
            autosize
            minRows={2}
            dir="auto"
          />
        ) : null}
        {needsReason || target === 'closed' ? (
          <Textarea
            label={t('referralReferrals.dialog.reason')}
            description={t('referralReferrals.dialog.noPersonalData')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={REFERRAL_LIMITS.reason}
            required={needsReason}
            autosize
            minRows={2}
            dir="auto"
          />
        ) : null}
      </ConfirmDialog>
    </>
  );
}
