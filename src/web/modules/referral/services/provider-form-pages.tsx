import { Anchor, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQuery, queryClient } from '../../../api/session.js';
import { useCan } from '../../../app/capabilities.js';
import { NotAllowedPage, PageTitle } from '../../../app/page.js';
import { initialInput, ProviderForm } from './provider-form.js';
import { useProviderOrPage } from './provider-parts.js';
import { createProvider, providerPath, refreshServices, serviceKeys, updateProvider } from './services-api.js';

/** Adding an entry, kept by the signed-in person's organisation. */
export function NewProviderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery);
  const mayAdd = useCan('service.create');
  if (!me) return <Loader role="status" aria-label={t('referralServices.loading')} />;
  if (!mayAdd) return <NotAllowedPage />;
  return (
    <Stack>
      <Anchor component={Link} to="/services" size="sm">
        {t('referralServices.detail.back')}
      </Anchor>
      <PageTitle>{t('referralServices.form.newTitle')}</PageTitle>
      <ProviderForm
        initial={initialInput()}
        submitLabel={t('referralServices.form.create')}
        managedBy={me.organisation}
        save={createProvider}
        onSaved={async (created) => {
          await refreshServices();
          await navigate({ to: providerPath(created.id) });
        }}
        onCancel={() => void navigate({ to: '/services' })}
      />
    </Stack>
  );
}

/** Editing an entry: offered only to its managers (the server decides again). */
export function EditProviderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { providerId } = useParams({ from: '/signed-in/services/$providerId/edit' });
  const { provider, page } = useProviderOrPage(providerId);
  if (!provider) return page;
  if (!provider.permissions.edit) return <NotAllowedPage />;
  return (
    <Stack>
      <Anchor component={Link} to={providerPath(provider.id)} size="sm">
        {provider.name}
      </Anchor>
      <PageTitle>{t('referralServices.form.editTitle', { name: provider.name })}</PageTitle>
      <ProviderForm
        initial={initialInput(provider)}
        submitLabel={t('referralServices.form.save')}
        managedBy={provider.managedBy}
        save={(input) => updateProvider(provider.id, input)}
        onSaved={async (updated) => {
          queryClient.setQueryData(serviceKeys.one(provider.id), updated);
          await refreshServices();
          await navigate({ to: providerPath(provider.id) });
        }}
        onCancel={() => void navigate({ to: providerPath(provider.id) })}
      />
    </Stack>
  );
}
