import { Group, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { HandlingCodePicker } from '../../../app/handling-code-picker.js';
import { RecipientPicker } from '../../exchange/messages/message-parts.js';
import { toDistribution } from '../../exchange/messages/messages-api.js';
import { distributionValues, LIST_LIMITS, type WatchlistDetail, type WatchlistInput } from './lists-api.js';

/** What the list form holds while it is being filled. */
export interface ListDraft {
  name: string;
  purpose: string;
  legalBasis: string;
  reviewPeriodDays: number | '';
  graceDays: number | '';
  handlingCode: HandlingCode;
  recipients: string[];
}

export type ListErrors = Partial<Record<keyof ListDraft, string | null>>;

export const emptyDraft = (): ListDraft => ({
  name: '',
  purpose: '',
  legalBasis: '',
  reviewPeriodDays: 365,
  graceDays: 30,
  handlingCode: 'TLP:AMBER',
  recipients: [],
});

export const draftOf = (detail: WatchlistDetail): ListDraft => ({
  name: detail.name,
  purpose: detail.purpose,
  legalBasis: detail.legalBasis,
  reviewPeriodDays: detail.reviewPeriodDays,
  graceDays: detail.graceDays,
  handlingCode: detail.handlingCode,
  recipients: distributionValues(detail.distribution),
});

/** The form's own checks, in the reader's language. */
export function listErrors(draft: ListDraft, t: TFunction): ListErrors {
  const period = draft.reviewPeriodDays;
  const grace = draft.graceDays;
  return {
    name: draft.name.trim() ? null : t('watchlistLists.form.errors.name'),
    purpose: draft.purpose.trim() ? null : t('watchlistLists.form.errors.purpose'),
    legalBasis: draft.legalBasis.trim() ? null : t('watchlistLists.form.errors.legalBasis'),
    reviewPeriodDays:
      typeof period === 'number' && Number.isInteger(period) && period >= 1 && period <= LIST_LIMITS.reviewPeriodDays
        ? null
        : t('watchlistLists.form.errors.reviewPeriodDays', { max: LIST_LIMITS.reviewPeriodDays }),
    graceDays:
      grace === '' || (Number.isInteger(grace) && grace >= 0 && grace <= LIST_LIMITS.graceDays)
        ? null
        : t('watchlistLists.form.errors.graceDays', { max: LIST_LIMITS.graceDays }),
    recipients: draft.recipients.length ? null : t('watchlistLists.form.errors.distribution'),
  };
}

/** The draft as the API takes it. */
export function inputOf(draft: ListDraft): WatchlistInput {
  return {
    name: draft.name.trim(),
    purpose: draft.purpose.trim(),
    legalBasis: draft.legalBasis.trim(),
    reviewPeriodDays: Number(draft.reviewPeriodDays),
    ...(draft.graceDays === '' ? {} : { graceDays: draft.graceDays }),
    handlingCode: draft.handlingCode,
    distribution: toDistribution(draft.recipients),
  };
}

/** Translation key of a code's explanation (keys cannot hold `:` or `+`). */
const codeKey = (code: HandlingCode) => code.slice(4).replace('+', '_').toLowerCase();

/** A list's own fields: what it is for, on what basis, how often entries are reviewed, and who sees it. */
export function ListFields({
  value,
  onChange,
  errors,
}: {
  value: ListDraft;
  onChange: (next: ListDraft) => void;
  errors: ListErrors;
}) {
  const { t } = useTranslation();
  const set = (next: Partial<ListDraft>) => onChange({ ...value, ...next });
  const days = (input: string | number): number | '' => (input === '' ? '' : Number(input));
  return (
    <Stack>
      <TextInput
        label={t('watchlistLists.fields.name')}
        value={value.name}
        onChange={(event) => set({ name: event.currentTarget.value })}
        maxLength={LIST_LIMITS.name}
        required
        dir="auto"
        error={errors.name}
      />
      <Textarea
        label={t('watchlistLists.fields.purpose')}
        description={t('watchlistLists.form.purposeHint')}
        value={value.purpose}
        onChange={(event) => set({ purpose: event.currentTarget.value })}
        maxLength={LIST_LIMITS.purpose}
        autosize
        minRows={2}
        required
        dir="auto"
        error={errors.purpose}
      />
      <Textarea
        label={t('watchlistLists.fields.legalBasis')}
        description={t('watchlistLists.form.legalBasisHint')}
        value={value.legalBasis}
        onChange={(event) => set({ legalBasis: event.currentTarget.value })}
        maxLength={LIST_LIMITS.legalBasis}
        autosize
        minRows={2}
        required
        dir="auto"
        error={errors.legalBasis}
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('watchlistLists.fields.reviewPeriodDays')}
          description={t('watchlistLists.form.reviewPeriodHint')}
          value={value.reviewPeriodDays}
          onChange={(input) => set({ reviewPeriodDays: days(input) })}
          min={1}
          max={LIST_LIMITS.reviewPeriodDays}
          allowDecimal={false}
          allowNegative={false}
          required
          error={errors.reviewPeriodDays}
        />
        <NumberInput
          label={t('watchlistLists.fields.graceDays')}
          description={t('watchlistLists.form.graceHint')}
          value={value.graceDays}
          onChange={(input) => set({ graceDays: days(input) })}
          min={0}
          max={LIST_LIMITS.graceDays}
          allowDecimal={false}
          allowNegative={false}
          error={errors.graceDays}
        />
      </Group>
      <HandlingCodePicker
        label={t('watchlistLists.fields.handlingCode')}
        description={t('watchlistLists.form.handlingCodeHint')}
        explain={(code) => t(`watchlistLists.codes.${codeKey(code)}`)}
        value={value.handlingCode}
        onChange={(handlingCode) => set({ handlingCode })}
      />
      <RecipientPicker value={value.recipients} onChange={(recipients) => set({ recipients })} error={errors.recipients} />
    </Stack>
  );
}
