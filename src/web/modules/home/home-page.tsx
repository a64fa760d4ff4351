import { Alert, Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/session.js';
import { Fields } from '../../app/fields.js';
import { PageTitle } from '../../app/page.js';
import { countryName } from '../../i18n/index.js';

/** A titled card, a region named by its heading. */
function HomeCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  if (!me) return null;
  const organisation = me.organisation;
  return (
    <Stack maw={880}>
      <PageTitle description={t('home.intro')}>{t('home.title', { name: me.displayName })}</PageTitle>
      {me.mustEnrolTotp ? (
        <Alert color="orange" variant="light" title={t('enrolment.title')} role="alert">
          <Text inherit mb="xs">
            {t('enrolment.body')}
          </Text>
          <Anchor component={Link} to="/account" hash="second-factor" fw={700} underline="always">
            {t('enrolment.link')}
          </Anchor>
        </Alert>
      ) : null}
      <HomeCard id="home-you" title={t('home.you')}>
        <Fields
          items={[
            [t('home.displayName'), me.displayName],
            [t('home.email'), <span dir="ltr">{me.email}</span>],
            [
              t('home.roles'),
              me.roles.length ? (
                <Group gap="xs" data-testid="my-roles">
                  {me.roles.map((role) => (
                    <Badge key={role} variant="light" color="liaison" tt="none" size="lg">
                      {t(`roles.${role}`, { defaultValue: role })}
                    </Badge>
                  ))}
                </Group>
              ) : (
                t('home.noRoles')
              ),
            ],
            [t('home.secondFactor'), me.totpEnabled ? t('home.totpOn') : t('home.totpOff')],
          ]}
        />
      </HomeCard>
      <HomeCard id="home-organisation" title={t('home.organisation')}>
        <Fields
          items={[
            [t('organisations.name'), organisation.name],
            [t('organisations.acronym'), organisation.acronym || '—'],
            [t('organisations.country'), countryName(organisation.country, i18n.language) || '—'],
            [t('organisations.kind'), t(`organisationKinds.${organisation.kind}`, { defaultValue: organisation.kind })],
          ]}
        />
      </HomeCard>
      <HomeCard id="home-units" title={t('home.units')}>
        {me.units.length ? (
          <List data-testid="my-units">
            {me.units.map((unit) => (
              <List.Item key={unit.id}>{unit.name}</List.Item>
            ))}
          </List>
        ) : (
          <Text c="dimmed">{t('home.noUnits')}</Text>
        )}
      </HomeCard>
    </Stack>
  );
}
