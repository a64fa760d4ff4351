import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problem-message.js';

/** Sets `document.title` to "<page> · Liaison" for as long as the page is shown. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Liaison` : 'Liaison';
  }, [title]);
}

/** The page's one `<h1>`, which also names the browser tab. */
export function PageTitle({ children, description }: { children: string; description?: ReactNode }) {
  usePageTitle(children);
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} size="h2">
        {children}
      </Title>
      {description ? <Text c="dimmed">{description}</Text> : null}
    </Stack>
  );
}

/** Shows what went wrong, in the reader's language (see problemMessage). */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const detail = problemMessage(error, t);
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      {detail}
    </Alert>
  );
}

export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <PageTitle>{t('notAllowed.title')}</PageTitle>
      <Alert color="orange" variant="light" title={t('notAllowed.heading')}>
        {t('notAllowed.body')}
      </Alert>
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Stack>
  );
}

/** For an administrator who must enrol a second factor: the server refuses everything else until then. */
export function EnrolmentRequiredPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <PageTitle>{t('enrolment.title')}</PageTitle>
      <Alert color="orange" variant="light" title={t('enrolment.title')}>
        {t('enrolment.body')}
      </Alert>
      <Anchor component={Link} to="/account" hash="second-factor">
        {t('enrolment.link')}
      </Anchor>
    </Stack>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Stack>
  );
}

export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <PageTitle>{t('errors.pageTitle')}</PageTitle>
      <ProblemAlert error={error} />
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Stack>
  );
}
