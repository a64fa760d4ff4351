import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Bidi, Ltr } from '../../../app/bidi.js';
import { Fields } from '../../../app/fields.js';
import {
  birthDateText,
  FactorChips,
  HandlingCodeBadge,
  MatchBadge,
  NameLines,
  NameText,
  nationalitiesText,
  OrUnknown,
  ReasonChips,
  ScoreMeter,
} from './match-parts.js';
import { hitPath, type ScreeningCandidate } from './screening-api.js';

/**
 * One ranked candidate: its score, whether it is a hit, the list it is on, the name that matched and
 * the entry's other names, birth date and nationalities, and why the matcher scored it so.
 */
export function CandidateCard({ candidate, rank }: { candidate: ScreeningCandidate; rank: number }) {
  const { t, i18n } = useTranslation();
  const others = candidate.names.filter(
    (name) => name.name !== candidate.matchedName.name || name.script !== candidate.matchedName.script,
  );
  const headingId = `candidate-${candidate.entryId}`;
  return (
    <Card
      withBorder
      padding="md"
      component="li"
      aria-labelledby={headingId}
      data-testid="candidate"
      data-match={candidate.match || undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="baseline" wrap="wrap">
          <Text component="h3" fw={700} size="lg" id={headingId} m={0}>
            {t('watchlistScreening.candidate.rank', { rank })} <NameText name={candidate.matchedName} />
          </Text>
          <Group gap="sm" wrap="nowrap">
            {candidate.match ? <MatchBadge /> : null}
            <ScoreMeter score={candidate.score} label={t('watchlistScreening.candidate.scoreOf', { rank })} />
          </Group>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            {t('watchlistScreening.candidate.onList')} <Bidi>{candidate.watchlist.name}</Bidi>
          </Text>
          <HandlingCodeBadge code={candidate.watchlist.handlingCode} />
          <Text size="sm" c="dimmed">
            {t('watchlistScreening.candidate.reference')} <Ltr>{candidate.reference}</Ltr>
          </Text>
        </Group>
        <Fields
          items={[
            [t('watchlistScreening.candidate.otherNames'), others.length ? <NameLines names={others} /> : <OrUnknown value="" />],
            [
              t('watchlistScreening.candidate.birthDate'),
              <OrUnknown key="b" value={birthDateText(candidate.birthDate, i18n.language)} />,
            ],
            [
              t('watchlistScreening.candidate.nationalities'),
              <OrUnknown key="n" value={nationalitiesText(candidate.nationalities, i18n.language)} />,
            ],
            [
              t('watchlistScreening.candidate.sex'),
              <OrUnknown key="s" value={candidate.sex ? t(`watchlistScreening.sex.${candidate.sex}`) : ''} />,
            ],
          ]}
        />
        <Text size="sm" fw={600}>
          {t('watchlistScreening.candidate.why')}
        </Text>
        <ReasonChips reasons={candidate.reasons} />
        <FactorChips factors={candidate.factors} />
        {candidate.hitId ? (
          <Anchor component={Link} to={hitPath(candidate.hitId)} size="sm" fw={600}>
            {t('watchlistScreening.candidate.review', { rank })}
          </Anchor>
        ) : null}
      </Stack>
    </Card>
  );
}
