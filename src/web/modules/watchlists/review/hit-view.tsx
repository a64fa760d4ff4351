import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bidi, isolate, Ltr } from '../../../app/bidi.js';
import { Fields } from '../../../app/fields.js';
import { formatDateTime } from '../../../app/format.js';
import { countryName } from '../../../i18n/index.js';
import {
  birthDateText,
  HandlingCodeBadge,
  NameLines,
  nationalitiesText,
  OrUnknown,
  ReasonChips,
  ScoreMeter,
} from '../screening/match-parts.js';
import type { ScreeningHit } from './review-api.js';

const STATUS_COLOURS = { open: 'blue', confirmed: 'red', discarded: 'gray' } as const;

export function HitStatusBadge({ status }: { status: ScreeningHit['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" tt="none" c="dark.7" data-testid="hit-status" data-status={status}>
      {t(`watchlistReview.status.${status}`)}
    </Badge>
  );
}

/** The screened query beside the listed entry: the two sides a person compares before deciding. */
export function SideBySide({ hit }: { hit: ScreeningHit }) {
  const { t, i18n } = useTranslation();
  const { query } = hit.screening;
  const { entry } = hit;
  const sex = (value: string | null) => (value ? t(`watchlistScreening.sex.${value}`) : '');
  return (
    <div className="ws-side">
      <Card
        withBorder
        padding="sm"
        component="section"
        aria-label={t('watchlistReview.hit.screened')}
        data-testid="screened-side"
      >
        <Text fw={700} size="sm" mb={4}>
          {t('watchlistReview.hit.screened')}
        </Text>
        <Fields
          items={[
            [t('watchlistReview.hit.name'), <Bidi key="n">{query.name}</Bidi>],
            [t('watchlistReview.hit.birthYear'), <OrUnknown key="b" value={query.birthYear ? String(query.birthYear) : ''} />],
            [t('watchlistReview.hit.nationality'), <OrUnknown key="c" value={countryName(query.country, i18n.language)} />],
            [t('watchlistReview.hit.sex'), <OrUnknown key="s" value={sex(query.sex)} />],
          ]}
        />
      </Card>
      <Card withBorder padding="sm" component="section" aria-label={t('watchlistReview.hit.listed')} data-testid="listed-side">
        <Text fw={700} size="sm" mb={4}>
          {t('watchlistReview.hit.listed')}
        </Text>
        <Fields
          items={[
            [t('watchlistReview.hit.names'), <NameLines key="n" names={entry.names} />],
            [t('watchlistReview.hit.birthDate'), <OrUnknown key="b" value={birthDateText(entry.birthDate, i18n.language)} />],
            [
              t('watchlistReview.hit.nationalities'),
              <OrUnknown key="c" value={nationalitiesText(entry.nationalities, i18n.language)} />,
            ],
            [t('watchlistReview.hit.sex'), <OrUnknown key="s" value={sex(entry.sex)} />],
          ]}
        />
      </Card>
    </div>
  );
}

/** Where the hit comes from: the list (and its owner), the entry, who screened, when and why. */
function Provenance({ hit }: { hit: ScreeningHit }) {
  const { t, i18n } = useTranslation();
  const { screening, entry } = hit;
  return (
    <Fields
      items={[
        [
          t('watchlistReview.hit.list'),
          <Group key="l" gap="xs" wrap="wrap">
            <Bidi>{entry.watchlist.name}</Bidi>
            <HandlingCodeBadge code={entry.watchlist.handlingCode} />
          </Group>,
        ],
        [t('watchlistReview.hit.owner'), <Bidi key="o">{entry.watchlist.ownerUnit.name}</Bidi>],
        [t('watchlistReview.hit.entry'), <Ltr key="e">{entry.reference}</Ltr>],
        [
          t('watchlistReview.hit.screenedBy'),
          <span key="w">
            <Bidi>{screening.screenedBy?.name ?? screening.unit.name}</Bidi>
            {' · '}
            <time dateTime={screening.screenedAt}>{formatDateTime(screening.screenedAt, i18n.language)}</time>
          </span>,
        ],
        [t('watchlistReview.hit.purpose'), <Bidi key="p">{screening.purpose}</Bidi>],
        ...(screening.batchId
          ? [
              [
                t('watchlistReview.hit.batch'),
                <Anchor key="b" component={Link} to={`/screening/batches/${encodeURIComponent(screening.batchId)}`}>
                  {t('watchlistReview.hit.batchLine', { line: screening.batchLine ?? 0 })}
                </Anchor>,
              ] as [string, ReactNode],
            ]
          : []),
      ]}
    />
  );
}

/** What was decided, by whom and why; after a confirmation, that the list's owner was told. */
export function DecisionSummary({ hit }: { hit: ScreeningHit }) {
  const { t, i18n } = useTranslation();
  if (!hit.decision) return null;
  const { decision } = hit;
  return (
    <Stack gap={4} data-testid="hit-decision">
      <Text size="sm">
        {t(`watchlistReview.decided.${hit.status === 'confirmed' ? 'confirmed' : 'discarded'}`)}{' '}
        <Bidi>{decision.by?.name ?? ''}</Bidi> · <time dateTime={decision.at}>{formatDateTime(decision.at, i18n.language)}</time>
      </Text>
      <Text size="sm">
        {t('watchlistReview.decided.reason')} <Bidi>{decision.reason}</Bidi>
      </Text>
      {hit.status === 'confirmed' && !decision.noticeMessageId ? (
        <Text size="sm" data-testid="owner-notified">
          {t('watchlistReview.decided.ownList')}
        </Text>
      ) : null}
      {hit.status === 'confirmed' && decision.noticeMessageId ? (
        <Text size="sm" fw={600} data-testid="owner-notified">
          {t('watchlistReview.decided.notified', { owner: isolate(hit.entry.watchlist.ownerUnit.name) })}{' '}
          <Anchor component={Link} to={`/messages/${encodeURIComponent(decision.noticeMessageId)}`} size="sm">
            {t('watchlistReview.decided.message')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}

/** One hit in full: score, the two sides, the reasons, where it comes from and any decision. */
export function HitView({ hit, heading }: { hit: ScreeningHit; heading?: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Title order={heading === 'h3' ? 3 : 2} size="h4">
          {t('watchlistReview.hit.title')} <Ltr>{hit.entry.reference}</Ltr>
        </Title>
        <Group gap="sm" wrap="nowrap">
          <HitStatusBadge status={hit.status} />
          <ScoreMeter score={hit.score} label={t('watchlistReview.hit.score', { reference: hit.entry.reference })} />
        </Group>
      </Group>
      <SideBySide hit={hit} />
      <Text size="sm" fw={600}>
        {t('watchlistScreening.candidate.why')}
      </Text>
      <ReasonChips reasons={hit.reasons} />
      <Provenance hit={hit} />
      <DecisionSummary hit={hit} />
    </Stack>
  );
}
