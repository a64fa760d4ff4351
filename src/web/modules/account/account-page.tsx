import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/session.js';
import { PageTitle } from '../../app/page.js';
import { NoticesSection } from '../exchange/notices/notices-section.js';
import { PasswordSection } from './password-section.js';
import { ProfileSection } from './profile-section.js';
import { SecondFactorSection } from './second-factor-section.js';
import { TokensSection } from './tokens-section.js';

export function AccountPage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const { hash } = useLocation();

  // Links such as /account#second-factor land on their section.
  useEffect(() => {
    if (!hash) return;
    const section = document.getElementById(hash);
    section?.scrollIntoView();
    section?.querySelector<HTMLElement>('h2')?.focus();
  }, [hash]);

  if (!me) return null;
  return (
    <Stack maw={880} gap="xl">
      <PageTitle description={t('account.intro')}>{t('account.title')}</PageTitle>
      {me.mustEnrolTotp ? null : <ProfileSection me={me} />}
      {me.mustEnrolTotp ? null : <PasswordSection />}
      <SecondFactorSection me={me} />
      {me.mustEnrolTotp ? null : <TokensSection me={me} />}
      {me.mustEnrolTotp ? null : <NoticesSection />}
    </Stack>
  );
}
