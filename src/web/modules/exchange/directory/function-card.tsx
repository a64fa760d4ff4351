import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../../app/format.js';
import { countryName } from '../../../i18n/index.js';
import { themeLabel } from '../../knowledge/knowledge.js';
import { PhoneNumber } from '../phone-number.js';
import { type CurrentHolder, type DirectoryFunction, functionPath, languageName } from './directory-api.js';

/** A function's themes of competence as a labelled list. */
export function ThemeList({ themes }: { themes: string[] }) {
  const { t, i18n } = useTranslation();
  if (!themes.length) return null;
  return (
    <Group gap={6} component="ul" aria-label={t('directory.themes')} className="directory-list">
      {themes.map((theme) => (
        <li key={theme}>
          <Badge variant="outline" color="liaison" tt="none" size="sm" fw={500}>
            {themeLabel(theme, i18n.language)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

export function Languages({ codes }: { codes: string[] }) {
  const { t, i18n } = useTranslation();
  if (!codes.length) return null;
  return (
    <Text size="sm" c="dimmed">
      {t('directory.speaks', {
        languages: formatList(
          codes.map((code) => languageName(code, i18n.language)),
          i18n.language,
        ),
      })}
    </Text>
  );
}

/** The people holding the function today, reachable by e-mail. */
export function CurrentHolders({ holders }: { holders: CurrentHolder[] }) {
  const { t } = useTranslation();
  if (!holders.length) return <Text size="sm">{t('directory.vacant')}</Text>;
  return (
    <Stack gap={4} component="ul" className="directory-list">
      {holders.map((holder) => (
        <li key={holder.holderId}>
          <Text size="sm" fw={600} span>
            {holder.name}
          </Text>{' '}
          <Anchor size="sm" href={`mailto:${holder.email}`} underline="always">
            <bdi>{holder.email}</bdi>
          </Anchor>
          <Languages codes={holder.languages} />
        </li>
      ))}
    </Stack>
  );
}

/** "DMSF — Morocco", or the organisation's name when it has no acronym or country. */
export function organisationLine(fn: DirectoryFunction, language: string) {
  const name = fn.organisation.acronym ? `${fn.organisation.name} (${fn.organisation.acronym})` : fn.organisation.name;
  return fn.organisation.country ? `${name} — ${countryName(fn.organisation.country, language)}` : name;
}

/** One result of the directory: title (a link to its page), unit, organisation, holders, themes. */
export function FunctionCard({ fn }: { fn: DirectoryFunction }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`function-${fn.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={`function-${fn.id}`}>
            <Anchor component={Link} to={functionPath(fn.id)}>
              <bdi>{fn.title}</bdi>
            </Anchor>
          </Title>
          <Badge variant="light" tt="none">
            {t(`directory.kinds.${fn.kind}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {fn.unit.name} · {organisationLine(fn, i18n.language)}
        </Text>
        {fn.phone ? (
          <Text size="sm">
            {t('directory.phone')}: <PhoneNumber value={fn.phone} />
          </Text>
        ) : null}
        <Text size="sm" fw={700} component="h4" m={0}>
          {t('directory.currentHolders')}
        </Text>
        <CurrentHolders holders={fn.currentHolders} />
        <ThemeList themes={fn.themes} />
      </Stack>
    </Card>
  );
}
