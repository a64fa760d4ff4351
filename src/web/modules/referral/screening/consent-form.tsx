import { Card, Checkbox, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_RECORDED_HOW,
  CONSENT_SCOPES,
  type ConsentRecordedHow,
  type ConsentScope,
  PERSONAL_FIELDS,
  type PersonalField,
} from '../../../../shared/referral/vocabulary.js';
import { organisationsQuery, recordConsent, screeningsQuery } from './screening-api.js';
import { RecordFormFooter, useRecordForm } from './screening-parts.js';

/** "2026-12-07T09:30" in the reader's time zone, for a `datetime-local` input. */
function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

/**
 * Records the person's consent: to what (a service of the directory, a partner organisation abroad,
 * being contacted), which personal fields may travel, how and when it was given. The services
 * offered are those the case's screenings matched to its decided needs.
 */
export function ConsentForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<ConsentScope>('share_with_service');
  const [providerId, setProviderId] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [fields, setFields] = useState<PersonalField[]>([]);
  const [recordedHow, setRecordedHow] = useState<ConsentRecordedHow>('written');
  const [givenAt, setGivenAt] = useState(localNow);
  const screenings = useQuery(screeningsQuery(caseId));
  const organisations = useQuery({ ...organisationsQuery(), enabled: scope === 'transnational_referral' });
  const providers = useMemo(() => {
    const byId = new Map<string, string>();
    for (const screening of screenings.data?.items ?? [])
      for (const service of screening.suggestedServices) byId.set(service.providerId, service.name);
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [screenings.data]);

  const missing =
    (scope === 'share_with_service' && !providerId) || (scope === 'transnational_referral' && !organisationId) || !givenAt;
  const { save, submit, tried } = useRecordForm({
    record: () =>
      recordConsent(caseId, {
        scope,
        ...(scope === 'share_with_service' && providerId ? { providerId } : {}),
        ...(scope === 'transnational_referral' && organisationId ? { organisationId } : {}),
        fields,
        recordedHow,
        givenAt: new Date(givenAt).toISOString(),
      }),
    ready: !missing,
    onDone,
  });
  const required = t('referralScreening.decision.required');

  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} noValidate aria-labelledby="consent-form-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="consent-form-heading">
          {t('referralScreening.consent.record')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('referralScreening.consent.scopeLabel')}
            data={CONSENT_SCOPES.map((value) => ({ value, label: t(`referralScreening.consent.scope.${value}`) }))}
            value={scope}
            onChange={(value) => value && setScope(value as ConsentScope)}
            allowDeselect={false}
          />
          {scope === 'share_with_service' ? (
            <Select
              label={t('referralScreening.consent.provider')}
              description={
                providers.length > 0 ? t('referralScreening.consent.providerHint') : t('referralScreening.consent.noProviders')
              }
              data={providers}
              value={providerId}
              onChange={setProviderId}
              searchable
              required
              error={tried && !providerId ? required : null}
            />
          ) : null}
          {scope === 'transnational_referral' ? (
            <Select
              label={t('referralScreening.consent.organisation')}
              data={(organisations.data ?? []).map((o) => ({
                value: o.id,
                label: o.acronym ? `${o.name} (${o.acronym})` : o.name,
              }))}
              value={organisationId}
              onChange={setOrganisationId}
              searchable
              required
              error={tried && !organisationId ? required : null}
            />
          ) : null}
        </SimpleGrid>
        <Checkbox.Group
          label={t('referralScreening.consent.fields')}
          value={fields}
          onChange={(value) => setFields(PERSONAL_FIELDS.filter((field) => value.includes(field)))}
        >
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing={6} mt={4}>
            {PERSONAL_FIELDS.map((field) => (
              <Checkbox key={field} value={field} label={t(`referralScreening.consent.field.${field}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('referralScreening.consent.howLabel')}
            data={CONSENT_RECORDED_HOW.map((value) => ({ value, label: t(`referralScreening.consent.how.${value}`) }))}
            value={recordedHow}
            onChange={(value) => value && setRecordedHow(value as ConsentRecordedHow)}
            allowDeselect={false}
          />
          <TextInput
            type="datetime-local"
            label={t('referralScreening.consent.givenAt')}
            value={givenAt}
            onChange={(event) => setGivenAt(event.currentTarget.value)}
            max={localNow()}
            required
            error={tried && !givenAt ? required : null}
          />
        </SimpleGrid>
        <RecordFormFooter
          save={save}
          refusedTitle={t('referralScreening.consent.refused')}
          saveLabel={t('referralScreening.consent.save')}
          onCancel={onDone}
        />
      </Stack>
    </Card>
  );
}
