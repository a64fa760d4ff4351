import { Button, Card, Checkbox, Group, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PERSONAL_FIELDS,
  type PersonalField,
  REFERRAL_KINDS,
  type ReferralKind,
  SERVICE_TYPES,
  type ServiceType,
  URGENCIES,
  type Urgency,
} from '../../../../shared/referral/vocabulary.js';
import { meQuery } from '../../../api/session.js';
import { formatDate } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import {
  bestInterestsQuery,
  consentsQuery,
  createReferral,
  providersQuery,
  refreshReferrals,
  unitsQuery,
} from './referrals-api.js';

/**
 * Refer a case: to a provider serving a need (picked by need), or to a partner unit abroad; the
 * needs and urgency; the consent it leaves under (or, for a child, the best-interests step); the
 * fields that travel, among those the consent covers.
 */
export function ReferForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [kind, setKind] = useState<ReferralKind>('service');
  const [need, setNeed] = useState<ServiceType | null>(null);
  const [providerId, setProviderId] = useState<string | null>(null);
  const [unitSearch, setUnitSearch] = useState('');
  const [toUnitId, setToUnitId] = useState<string | null>(null);
  const [needs, setNeeds] = useState<ServiceType[]>([]);
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [consentId, setConsentId] = useState<string | null>(null);
  const [stepId, setStepId] = useState<string | null>(null);
  const [fields, setFields] = useState<PersonalField[] | null>(null);
  const [tried, setTried] = useState(false);

  const providers = useQuery(providersQuery(kind === 'service' ? need : null));
  const units = useQuery({ ...unitsQuery(unitSearch.trim()), enabled: kind === 'transnational' });
  const consents = useQuery(consentsQuery(caseId));
  const steps = useQuery(bestInterestsQuery(caseId));

  const scope = kind === 'service' ? 'share_with_service' : 'transnational_referral';
  const chosenUnit = units.data?.items.find((unit) => unit.id === toUnitId);
  const usableConsents = (consents.data?.items ?? []).filter(
    (consent) =>
      consent.scope === scope &&
      !consent.withdrawnAt &&
      (kind === 'service'
        ? !providerId || consent.provider?.id === providerId
        : !chosenUnit || consent.organisation?.id === chosenUnit.organisation.id),
  );
  const usableSteps = (steps.data?.items ?? []).filter((step) => step.decision === 'referral_in_best_interests');
  const consent = usableConsents.find((item) => item.id === consentId);
  const offeredFields: readonly PersonalField[] = consent?.fields ?? (stepId ? PERSONAL_FIELDS : []);
  const chosenFields = fields ?? [...offeredFields];
  const abroad = (units.data?.items ?? []).filter(
    (unit) => unit.organisation.country && unit.organisation.country !== me?.organisation.country,
  );

  const send = useMutation({
    mutationFn: () =>
      createReferral(caseId, {
        kind,
        ...(kind === 'service' && providerId ? { providerId } : {}),
        ...(kind === 'transnational' && toUnitId ? { toUnitId } : {}),
        needs,
        urgency,
        ...(consentId ? { consentId } : {}),
        ...(stepId ? { bestInterestsStepId: stepId } : {}),
        fields: chosenFields.filter((field) => offeredFields.includes(field)),
      }),
    onSuccess: async () => {
      await refreshReferrals();
      onDone();
    },
  });
  const missingTarget = kind === 'service' ? !providerId : !toUnitId;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!missingTarget && needs.length > 0) send.mutate();
  };
  const needLabel = (value: string) => t(`referralReferrals.need.${value}`);

  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} noValidate aria-labelledby="refer-form-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="refer-form-heading">
          {t('referralReferrals.form.title')}
        </Title>
        <Radio.Group
          label={t('referralReferrals.form.kind')}
          value={kind}
          onChange={(value) => {
            setKind(value as ReferralKind);
            setConsentId(null);
            setFields(null);
          }}
        >
          <Group mt="xs">
            {REFERRAL_KINDS.map((value) => (
              <Radio key={value} value={value} label={t(`referralReferrals.kind.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        {kind === 'service' ? (
          <Group grow align="flex-start">
            <Select
              label={t('referralReferrals.form.need')}
              data={SERVICE_TYPES.map((value) => ({ value, label: needLabel(value) }))}
              value={need}
              onChange={(value) => {
                setNeed(value as ServiceType | null);
                setProviderId(null);
                if (value && !needs.includes(value as ServiceType)) setNeeds([...needs, value as ServiceType]);
              }}
            />
            <Select
              label={t('referralReferrals.form.provider')}
              data={(providers.data?.items ?? []).map((provider) => ({ value: provider.id, label: provider.name }))}
              value={providerId}
              onChange={setProviderId}
              disabled={!need}
              searchable
              nothingFoundMessage={t('referralReferrals.form.noProvider')}
              required
              error={tried && !providerId ? t('referralReferrals.form.chooseProvider') : null}
            />
          </Group>
        ) : (
          <Group grow align="flex-start">
            <TextInput
              label={t('referralReferrals.form.unitSearch')}
              value={unitSearch}
              onChange={(event) => setUnitSearch(event.currentTarget.value)}
            />
            <Select
              label={t('referralReferrals.form.unit')}
              data={abroad.map((unit) => ({
                value: unit.id,
                label: `${unit.name} · ${unit.organisation.name} (${countryName(unit.organisation.country, i18n.language)})`,
              }))}
              value={toUnitId}
              onChange={setToUnitId}
              searchable
              nothingFoundMessage={t('referralReferrals.form.noUnit')}
              required
              error={tried && !toUnitId ? t('referralReferrals.form.chooseUnit') : null}
            />
          </Group>
        )}
        <Checkbox.Group
          label={t('referralReferrals.form.needs')}
          value={needs}
          onChange={(value) => setNeeds(value as ServiceType[])}
          required
          error={tried && needs.length === 0 ? t('referralReferrals.form.chooseNeeds') : null}
        >
          <Group mt="xs">
            {SERVICE_TYPES.map((value) => (
              <Checkbox key={value} value={value} label={needLabel(value)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Radio.Group
          label={t('referralReferrals.form.urgency')}
          value={urgency}
          onChange={(value) => setUrgency(value as Urgency)}
        >
          <Group mt="xs">
            {URGENCIES.map((value) => (
              <Radio key={value} value={value} label={t(`referralReferrals.urgency.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        {usableSteps.length > 0 ? (
          <Select
            label={t('referralReferrals.form.bestInterests')}
            data={usableSteps.map((step) => ({
              value: step.id,
              label: `${t(`referralReferrals.step.${step.step}`)} · ${formatDate(step.recordedAt, i18n.language)}`,
            }))}
            value={stepId}
            onChange={setStepId}
            clearable
          />
        ) : null}
        <Select
          label={t('referralReferrals.form.consent')}
          description={usableConsents.length === 0 ? t('referralReferrals.form.noConsent') : undefined}
          data={usableConsents.map((item) => ({
            value: item.id,
            label: [
              t(`referralReferrals.scope.${item.scope}`),
              item.provider?.name ?? item.organisation?.name,
              formatDate(item.givenAt, i18n.language),
            ]
              .filter(Boolean)
              .join(' · '),
          }))}
          value={consentId}
          onChange={(value) => {
            setConsentId(value);
            setFields(null);
          }}
          clearable
        />
        {offeredFields.length > 0 ? (
          <Checkbox.Group
            label={t('referralReferrals.form.fields')}
            description={t('referralReferrals.form.fieldsHelp')}
            value={chosenFields}
            onChange={(value) => setFields(value as PersonalField[])}
          >
            <Group mt="xs">
              {offeredFields.map((value) => (
                <Checkbox key={value} value={value} label={t(`referralReferrals.field.${value}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('referralReferrals.form.noFields')}
          </Text>
        )}
        <ProblemAlert error={send.error} title={t('referralReferrals.form.refused')} />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t('referralReferrals.form.send')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('referralReferrals.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
