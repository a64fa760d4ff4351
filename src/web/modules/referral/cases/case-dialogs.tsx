import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import { CASE_TYPES, type CaseType, REFERRAL_LIMITS } from '../../../../shared/referral/vocabulary.js';
import { isProblem } from '../../../api/client.js';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { ProblemAlert } from '../../../app/page.js';
import { type CaseDetail, closeCase, editCase, refreshCases } from './cases-api.js';
import { changesOf, draftOf, type PersonDraft, personErrors } from './person.js';
import { PersonFields } from './person-fields.js';

/** Why someone opens a case of another unit: at least this many characters (as the server asks). */
const MIN_REASON = 3;

/** A reason asked afresh each time its dialog opens; long enough once it has MIN_REASON characters. */
function useReason(opened: boolean) {
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (opened) setReason('');
  }, [opened]);
  return { reason, setReason, ready: reason.trim().length >= MIN_REASON };
}

/** The reason's field, kept in the audit log or with the case. */
function ReasonField({ label, value, onChange }: { label: string; value: string; onChange: (reason: string) => void }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={label}
      description={t('referralCases.access.reasonHint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      required
      autosize
      minRows={2}
      maxLength={REFERRAL_LIMITS.reason}
      dir="auto"
      data-autofocus
    />
  );
}

/**
 * Opening a case of another unit (the reader's unit has it through a referral) needs a reason, kept
 * in the audit log with the fields read. Asked before any personal field is fetched.
 */
export function AccessReasonDialog({
  opened,
  onReason,
  onClose,
}: {
  opened: boolean;
  onReason: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { reason, setReason, ready } = useReason(opened);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) onReason(reason.trim());
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('referralCases.access.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack component="form" onSubmit={submit}>
        <Text>{t('referralCases.access.body')}</Text>
        <ReasonField label={t('referralCases.access.reason')} value={reason} onChange={setReason} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!ready}>
            {t('referralCases.access.open')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function EditCaseDialog({ detail, opened, onClose }: { detail: CaseDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PersonDraft>(() => draftOf(detail));
  const [caseType, setCaseType] = useState<CaseType>(detail.caseType);
  const [isChild, setIsChild] = useState(detail.isChild);
  const [notes, setNotes] = useState(detail.notes ?? '');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setDraft(draftOf(detail));
    setCaseType(detail.caseType);
    setIsChild(detail.isChild);
    setNotes(detail.notes ?? '');
    setTried(false);
  }, [opened, detail]);
  const errors = personErrors(draft, t);
  const save = useMutation({
    mutationFn: () => editCase(detail.id, { revision: detail.revision, ...changesOf(detail, draft, caseType, isChild, notes) }),
    onSuccess: async () => {
      await refreshCases();
      onClose();
    },
    onError: (error) => {
      // Someone else changed the case meanwhile: show the latest version (the dialog says so).
      if (isProblem(error, REFERRAL_PROBLEMS, 'stale-revision')) void refreshCases();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).every((error) => !error)) save.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('referralCases.edit.title')}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('referralCases.fields.caseType')}
            data={CASE_TYPES.map((type) => ({ value: type, label: t(`referralCases.caseType.${type}`) }))}
            value={caseType}
            onChange={(value) => setCaseType((value as CaseType | null) ?? detail.caseType)}
            allowDeselect={false}
          />
          {detail.person ? <PersonFields value={draft} onChange={setDraft} errors={tried ? errors : {}} /> : null}
          <Checkbox
            label={t('referralCases.form.isChild')}
            description={t('referralCases.edit.isChildHint')}
            checked={isChild}
            onChange={(event) => setIsChild(event.currentTarget.checked)}
          />
          <Textarea
            label={t('referralCases.fields.notes')}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            maxLength={REFERRAL_LIMITS.notes}
            autosize
            minRows={3}
            dir="auto"
          />
          {isProblem(save.error, REFERRAL_PROBLEMS, 'stale-revision') ? (
            <Text c="orange.9" role="alert" data-testid="stale-edit">
              {t('referralCases.edit.stale')}
            </Text>
          ) : (
            <ProblemAlert error={save.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Closing makes the case read-only; the reason is kept with it. */
export function CloseCaseDialog({ detail, opened, onClose }: { detail: CaseDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { reason, setReason, ready } = useReason(opened);
  const close = useMutation({
    mutationFn: () => closeCase(detail.id, { revision: detail.revision, reason: reason.trim() }),
    onSuccess: async () => {
      await refreshCases();
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened={opened}
      title={t('referralCases.close.title')}
      message={t('referralCases.close.body')}
      confirmLabel={t('referralCases.close.confirm')}
      busy={close.isPending}
      error={close.error}
      canConfirm={ready}
      onConfirm={() => close.mutate()}
      onClose={onClose}
    >
      <ReasonField label={t('referralCases.close.reason')} value={reason} onChange={setReason} />
    </ConfirmDialog>
  );
}
