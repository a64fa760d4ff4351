import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../../api/session.js';
import { isolate } from '../../../app/bidi.js';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { Fields } from '../../../app/fields.js';
import { formatDateTime } from '../../../app/format.js';
import { PageTitle } from '../../../app/page.js';
import { functionPath } from '../../exchange/directory/directory-api.js';
import { PhoneNumber } from '../../exchange/phone-number.js';
import { languagesText, NeedTags, placeText, useProviderOrPage } from './provider-parts.js';
import { deactivateProvider, refreshServices, type ServiceProvider, serviceKeys } from './services-api.js';

function Contact({ provider }: { provider: ServiceProvider }) {
  const { t } = useTranslation();
  const contact = provider.contactFunction;
  if (!contact) return <>{t('referralServices.detail.notGiven')}</>;
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={functionPath(contact.id)} dir="auto">
        {t('referralServices.detail.contactFunction', {
          function: isolate(contact.title),
          unit: isolate(contact.unitName),
          organisation: isolate(contact.organisationName),
        })}
      </Anchor>
      {contact.email ? (
        <Anchor href={`mailto:${contact.email}`} dir="ltr">
          <bdi>{contact.email}</bdi>
        </Anchor>
      ) : null}
      {contact.phone ? <PhoneNumber value={contact.phone} /> : null}
      {contact.active ? null : <Text size="sm">{t('referralServices.detail.contactInactive')}</Text>}
    </Stack>
  );
}

/** Deactivating asks first; the optional reason goes to the audit trail with the change. */
function Deactivation({ provider }: { provider: ServiceProvider }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const deactivate = useMutation({
    mutationFn: () => deactivateProvider(provider.id, reason.trim()),
    onSuccess: async (updated) => {
      queryClient.setQueryData(serviceKeys.one(provider.id), updated);
      setConfirming(false);
      await refreshServices();
    },
  });
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
        {t('referralServices.deactivate.button')}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t('referralServices.deactivate.title')}
        message={t('referralServices.deactivate.message')}
        confirmLabel={t('referralServices.deactivate.confirm')}
        busy={deactivate.isPending}
        error={deactivate.error}
        onConfirm={() => deactivate.mutate()}
        onClose={() => setConfirming(false)}
      >
        <Textarea
          label={t('referralServices.deactivate.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          dir="auto"
        />
      </ConfirmDialog>
    </>
  );
}

/** One provider: what it serves, where, in which languages, how to reach it; editing for its managers. */
export function ProviderPage() {
  const { t, i18n } = useTranslation();
  const { providerId } = useParams({ from: '/signed-in/services/$providerId' });
  const { provider, page } = useProviderOrPage(providerId);
  if (!provider) return page;
  const language = i18n.language;
  const notGiven = t('referralServices.detail.notGiven');

  return (
    <Stack>
      <Anchor component={Link} to="/services" size="sm">
        {t('referralServices.detail.back')}
      </Anchor>
      <PageTitle>{provider.name}</PageTitle>
      {provider.active ? null : (
        <Alert color="gray" variant="light" title={t('referralServices.list.inactive')}>
          {t('referralServices.detail.inactive')}
        </Alert>
      )}
      {provider.permissions.edit ? (
        <Group>
          <Button component={Link} to={`/services/${encodeURIComponent(provider.id)}/edit`}>
            {t('referralServices.detail.edit')}
          </Button>
          {provider.active ? <Deactivation provider={provider} /> : null}
        </Group>
      ) : null}
      <Card withBorder padding="md">
        <Fields
          items={[
            [t('referralServices.detail.needs'), <NeedTags key="n" services={provider.services} />],
            [t('referralServices.detail.kind'), t(`referralServices.kind.${provider.kind}`)],
            ...(provider.organisation
              ? [
                  [t('referralServices.detail.organisation'), <bdi key="o">{provider.organisation.name}</bdi>] as [
                    string,
                    ReactNode,
                  ],
                ]
              : []),
            ...(provider.unit
              ? [[t('referralServices.detail.unit'), <bdi key="u">{provider.unit.name}</bdi>] as [string, ReactNode]]
              : []),
            [
              t('referralServices.detail.places'),
              <ul key="p" className="service-places">
                {provider.places.map((place) => (
                  <li key={place.id}>
                    <bdi>{placeText(place, language)}</bdi>
                  </li>
                ))}
              </ul>,
            ],
            [
              t('referralServices.detail.languages'),
              provider.languages.length ? languagesText(provider.languages, language) : notGiven,
            ],
            [
              t('referralServices.detail.openingHours'),
              provider.openingHours ? <bdi key="h">{provider.openingHours}</bdi> : notGiven,
            ],
            [
              t('referralServices.detail.capacity'),
              provider.capacity === null ? notGiven : t('referralServices.detail.capacityValue', { count: provider.capacity }),
            ],
            [t('referralServices.detail.contact'), <Contact key="c" provider={provider} />],
            [t('referralServices.detail.managedBy'), <bdi key="m">{provider.managedBy.name}</bdi>],
            [t('referralServices.detail.updated'), formatDateTime(provider.updatedAt, language)],
          ]}
        />
      </Card>
      {provider.description ? (
        <section aria-labelledby="service-description">
          <Title order={2} size="h4" id="service-description" mb="xs">
            {t('referralServices.detail.description')}
          </Title>
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {provider.description}
          </Text>
        </section>
      ) : null}
    </Stack>
  );
}
