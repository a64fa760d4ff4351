import { Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatList } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { organisationLabel, themeLabel } from '../knowledge.js';
import { itemHistoryQuery, type Revision } from './review-api.js';

const FIELDS = [
  'status',
  'handlingCode',
  'toAllPartners',
  'type',
  'text',
  'countries',
  'themes',
  'organisations',
  'references',
] as const;
type Field = (typeof FIELDS)[number];

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function useValueText() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (field: Field, value: unknown): string => {
    if (value === undefined || value === null) return '—';
    const list = Array.isArray(value) ? value : null;
    switch (field) {
      case 'status':
        return t(`review.status.${value}`, { defaultValue: String(value) });
      case 'type':
        return t(`knowledge.types.${value}`, { defaultValue: String(value) });
      case 'countries':
        return formatList(list?.map((code) => countryName(String(code), language)) ?? [], language) || '—';
      case 'themes':
        return formatList(list?.map((id) => themeLabel(String(id), language)) ?? [], language) || '—';
      case 'organisations':
        return formatList(list?.map((id) => organisationLabel(String(id), language)) ?? [], language) || '—';
      case 'toAllPartners':
        return t(value ? 'review.history.yes' : 'review.history.no');
      case 'references':
        return formatList(list?.map((reference) => (reference as { id: string }).id) ?? [], language) || '—';
      default:
        return String(value);
    }
  };
}

/** One revision: what was done, by whom and when, and each changed field as before → after. */
export function RevisionEntry({ revision }: { revision: Revision }) {
  const { t, i18n } = useTranslation();
  const valueText = useValueText();
  const when = formatDateTime(revision.at, i18n.language);
  const before = revision.before ?? {};
  const after = revision.after ?? {};
  const changed = FIELDS.filter((field) => field in after && !sameValue(before[field], after[field]));
  return (
    <li className="review-revision">
      <Text size="sm" fw={600}>
        {t(`review.actions.${revision.action}`, { defaultValue: revision.action })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('review.history.byAt', { name: revision.actor?.displayName ?? t('review.history.unknownActor'), when })}
      </Text>
      {changed.length ? (
        <dl className="review-changes">
          {changed.map((field) => (
            <div key={field}>
              <dt>{t(`review.fields.${field}`)}</dt>
              <dd>
                {revision.before ? (
                  <>
                    <del>{valueText(field, before[field])}</del>
                    <span aria-hidden="true"> → </span>
                    <span className="visually-hidden-knowledge"> {t('review.history.became')} </span>
                  </>
                ) : null}
                <ins>{valueText(field, after[field])}</ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

/** The history of one item, newest first. */
export function ItemHistory({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const history = useQuery(itemHistoryQuery(itemId));
  if (history.error) return <ProblemAlert error={history.error} />;
  if (!history.data) return <Loader size="sm" aria-label={t('knowledge.loading')} />;
  const revisions = history.data.revisions;
  return (
    <Stack gap="xs">
      {revisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('review.history.empty')}
        </Text>
      ) : (
        <ol className="review-revisions" data-testid="item-history">
          {revisions.map((revision) => (
            <RevisionEntry key={revision.id} revision={revision} />
          ))}
        </ol>
      )}
    </Stack>
  );
}
