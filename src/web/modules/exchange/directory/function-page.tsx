import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { isAdministrator, isPlatformAdmin, meQuery } from '../../../api/session.js';
import { can } from '../../../app/capabilities.js';
import { PageTitle, ProblemAlert, usePageTitle } from '../../../app/page.js';
import { composeTo } from '../messages/messages-api.js';
import { PhoneNumber } from '../phone-number.js';
import { type FunctionDetail, formatDay, functionRequest, type HolderPeriod, today } from './directory-api.js';
import { CurrentHolders, Languages, organisationLine, ThemeList } from './function-card.js';
import { ManageFunction } from './manage-function.js';
import './directory.css';

function holderStatus(holder: HolderPeriod): 'current' | 'upcoming' | 'past' {
  if (holder.current) return 'current';
  return holder.startsOn > today() ? 'upcoming' : 'past';
}

/** Everyone who has held the function, latest first: what a successor reads after a rotation. */
function HolderHistory({ holders }: { holders: HolderPeriod[] }) {
  const { t, i18n } = useTranslation();
  const format = (day: string) => formatDay(day, i18n.language);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="holder-history">
      <Title order={2} size="h4" id="holder-history">
        {t('directory.history.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('directory.history.hint')}
      </Text>
      {holders.length === 0 ? (
        <Text>{t('directory.history.empty')}</Text>
      ) : (
        <ol className="directory-timeline" aria-labelledby="holder-history">
          {holders.map((holder) => {
            const status = holderStatus(holder);
            return (
              <li key={holder.id} data-current={status === 'current'}>
                <Group gap="xs">
                  <Text fw={600}>{holder.name}</Text>
                  <Badge
                    variant={status === 'current' ? 'filled' : 'light'}
                    color={status === 'past' ? 'gray' : 'liaison'}
                    tt="none"
                  >
                    {t(`directory.history.${status}`)}
                  </Badge>
                </Group>
                <Text size="sm">
                  {holder.endsOn
                    ? t('directory.history.period', { start: format(holder.startsOn), end: format(holder.endsOn) })
                    : t('directory.history.since', { start: format(holder.startsOn) })}
                </Text>
                {holder.email ? (
                  <Anchor size="sm" href={`mailto:${holder.email}`} underline="always">
                    <bdi>{holder.email}</bdi>
                  </Anchor>
                ) : null}
                <Languages codes={holder.languages} />
                {holder.note ? <Text size="sm">{t('directory.history.note', { note: holder.note })}</Text> : null}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

/** `/directory/functions/$functionId`: the function, its contact, holders and history; managed by its administrators. */
export function FunctionPage() {
  const { t, i18n } = useTranslation();
  const { functionId } = useParams({ strict: false }) as { functionId: string };
  const { data: me } = useQuery(meQuery);
  const answer = useQuery({
    queryKey: ['directory', 'function', functionId],
    queryFn: () => api.get<FunctionDetail>(functionRequest(functionId)),
  });
  usePageTitle(answer.data?.title ?? t('directory.title'));
  const fn = answer.data;
  const manages = !!fn && (isPlatformAdmin(me) || (isAdministrator(me) && me?.organisation.id === fn.organisation.id));
  return (
    <Stack>
      <Anchor component={Link} to="/directory" size="sm">
        {t('directory.back')}
      </Anchor>
      {answer.isPending ? <Loader size="sm" aria-label={t('knowledge.loading')} /> : null}
      {answer.error ? (
        <>
          <PageTitle>{t('directory.title')}</PageTitle>
          <ProblemAlert error={answer.error} />
        </>
      ) : null}
      {fn ? (
        <>
          <PageTitle description={`${fn.unit.name} · ${organisationLine(fn, i18n.language)}`}>{fn.title}</PageTitle>
          {!fn.active ? (
            <Alert color="orange" variant="light" title={t('directory.inactive')}>
              {t('directory.inactiveHint')}
            </Alert>
          ) : can(me, 'message.send') ? (
            <Group>
              <Button renderRoot={(props) => <Link {...composeTo(`function:${fn.id}`)} {...props} />}>
                {t('directory.writeTo')}
              </Button>
            </Group>
          ) : null}
          <Card withBorder padding="md" component="section" aria-labelledby="function-contact">
            <Title order={2} size="h4" id="function-contact" mb="xs">
              {t('directory.contact')}
            </Title>
            <Stack gap={6}>
              <Text size="sm">
                {t('directory.kind')}: {t(`directory.kinds.${fn.kind}`)}
              </Text>
              {fn.email ? (
                <Text size="sm">
                  {t('directory.email')}:{' '}
                  <Anchor href={`mailto:${fn.email}`} underline="always">
                    <bdi>{fn.email}</bdi>
                  </Anchor>
                </Text>
              ) : null}
              {fn.phone ? (
                <Text size="sm">
                  {t('directory.phone')}: <PhoneNumber value={fn.phone} />
                </Text>
              ) : null}
              {fn.description ? <Text size="sm">{fn.description}</Text> : null}
              <ThemeList themes={fn.themes} />
              <Title order={3} size="h5" mt="xs">
                {t('directory.currentHolders')}
              </Title>
              <CurrentHolders holders={fn.currentHolders} />
            </Stack>
          </Card>
          <HolderHistory holders={fn.holders} />
          {manages ? <ManageFunction fn={fn} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
