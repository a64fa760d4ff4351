import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryStatus, ReviewState } from '../../../../shared/watchlists/vocabulary.js';
import { formatDate, formatList } from '../../../app/format.js';
import { countryName } from '../../../i18n/index.js';
import type { EntryName } from './entries-api.js';

const REVIEW_COLOURS: Record<ReviewState, string> = { current: 'green', due: 'orange', lapsed: 'red' };

export function ReviewStateBadge({ state }: { state: ReviewState }) {
  const { t } = useTranslation();
  return (
    <Badge color={REVIEW_COLOURS[state]} variant="light" data-testid="review-state">
      {t(`watchlistEntries.review.${state}`)}
    </Badge>
  );
}

export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'blue' : 'gray'} variant="light" data-testid="entry-status">
      {t(`watchlistEntries.status.${status}`)}
    </Badge>
  );
}

/** Each name isolated in `<bdi>` (a name in Arabic or Ge'ez keeps its own direction), its script as a small label. */
export function Names({ names }: { names: readonly EntryName[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {names.map((name, index) => (
        <Group key={`${index}-${name.name}`} gap={6} wrap="nowrap">
          <bdi lang={name.script === 'arabic' ? 'ar' : undefined} data-testid="entry-name">
            {name.name}
          </bdi>
          <Text span size="xs" c="dimmed">
            {t(`watchlistEntries.script.${name.script}`)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** A year as it is, a full date in the reader's language. */
export function birthDateText(value: string | null, language: string): string {
  if (!value) return '';
  return value.length === 4 ? value : formatDate(value, language);
}

export const nationalitiesText = (codes: readonly string[], language: string) =>
  formatList(
    codes.map((code) => countryName(code, language)),
    language,
  );
