import { Alert, Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/session.js';
import type { Me } from '../../api/types.js';
import { can } from '../../app/capabilities.js';
import { Fields } from '../../app/fields.js';
import { HOME_CARDS } from '../../app/home-cards.js';
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

/** While a card's code is on its way: the same frame, saying it is loading. */
function CardLoading() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" aria-busy="true">
      <Text size="sm" c="dimmed">
        {t('home.cards.loading')}
      </Text>
    </Card>
  );
}

/** What waits for me: the cards of the modules (app/home-cards.ts) my capabilities open. */
function WorkQueue({ me }: { me: Me }) {
  const { t } = useTranslation();
  const cards = HOME_CARDS.filter((card) => !card.capability || can(me, card.capability)).sort((a, b) => a.order - b.order);
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="home-queue">
      <Title order={2} size="h3" id="home-queue" mb="md">
        {t('home.queue')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="home-cards">
        {cards.map(({ id, Card: HomeQueueCard }) => (
          <Suspense key={id} fallback={<CardLoading />}>
            <HomeQueueCard />
          </Suspense>
        ))}
      </SimpleGrid>
    </section>
  );
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  if (!me) return null;
  const organisation = me.organisation;
  return (
    <Stack maw={1100}>
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
      <WorkQueue me={me} />
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
