import { Button, Card, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { meQuery } from '../../../api/session.js';
import { HandlingCodePicker } from '../../../app/handling-code-picker.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { RecipientPicker } from '../messages/message-parts.js';
import { localDateTimeToIso, toDistribution } from '../messages/messages-api.js';
import {
  alertPath,
  CATEGORIES,
  type Category,
  issueAlert,
  MAX_DESCRIPTION,
  MAX_TITLE,
  mayIssue,
  refreshAlerts,
  SEVERITIES_MOST_FIRST,
  type Severity,
} from './alerts-api.js';
import { type AreaState, emptyArea, geometryOf } from './area.js';
import { AreaFields } from './area-fields.js';
import { newRow, type ObservableRow, ObservablesEditor, toObservables } from './observables-editor.js';
import { fieldOfProblem } from './problem-fields.js';

/** Translation key of a code's explanation (keys cannot hold `:` or `+`). */
export const codeKey = (code: HandlingCode) => code.slice(4).replace('+', '_').toLowerCase();

function IssueForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery);
  const units = me?.units ?? [];
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<Category>('new_route');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [area, setArea] = useState<AreaState>(emptyArea);
  const [description, setDescription] = useState('');
  const [observables, setObservables] = useState<ObservableRow[]>(() => [newRow()]);
  const [handlingCode, setHandlingCode] = useState<HandlingCode>('TLP:AMBER');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [fromUnitId, setFromUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [tried, setTried] = useState(false);

  const fromIso = localDateTimeToIso(validFrom);
  const untilIso = localDateTimeToIso(validUntil);
  const shape = geometryOf(area);
  const errors = {
    title: title.trim() ? null : t('alerts.form.errors.title'),
    validity: !untilIso
      ? t('alerts.form.errors.validUntil')
      : new Date(untilIso).getTime() <= (fromIso ? new Date(fromIso).getTime() : Date.now())
        ? t('alerts.form.errors.validOrder')
        : null,
    countries: area.countries.length ? null : t('alerts.form.errors.countries'),
    geometry: shape.error ? t(`alerts.form.errors.${shape.error}`) : null,
    description: description.trim() ? null : t('alerts.form.errors.description'),
    distribution: recipients.length ? null : t('alerts.form.errors.distribution'),
  };
  const valid = Object.values(errors).every((error) => !error);

  const issue = useMutation({
    mutationFn: () =>
      issueAlert({
        title: title.trim(),
        category,
        severity,
        validFrom: fromIso,
        validUntil: untilIso ?? '',
        area: {
          countries: area.countries,
          ...(area.label.trim() ? { label: area.label.trim() } : {}),
          ...(shape.geometry ? { geometry: shape.geometry } : {}),
        },
        description,
        observables: toObservables(observables),
        handlingCode,
        distribution: toDistribution(recipients),
        ...(fromUnitId ? { fromUnitId } : {}),
      }),
    onSuccess: async (issued) => {
      await refreshAlerts();
      await navigate({ to: alertPath(issued.id) });
    },
  });
  const refusal = fieldOfProblem(issue.error);
  // The form's own checks first; after those pass, what the server refused, next to its field.
  const shown = (field: keyof typeof errors | 'label' | 'fromUnit') =>
    (tried ? (errors as Record<string, string | null>)[field] : null) ?? (refusal?.field === field ? refusal.message : null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (valid) issue.mutate();
  };

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate maw={900} className="alert-form">
      <Stack>
        <TextInput
          label={t('alerts.form.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          maxLength={MAX_TITLE}
          required
          dir="auto"
          error={shown('title')}
        />
        <Group grow align="flex-start">
          <Select
            label={t('alerts.form.category')}
            data={CATEGORIES.map((value) => ({ value, label: t(`alerts.category.${value}`) }))}
            value={category}
            onChange={(value) => setCategory((value as Category | null) ?? 'other')}
            allowDeselect={false}
          />
          <Select
            label={t('alerts.form.severity')}
            data={SEVERITIES_MOST_FIRST.map((value) => ({ value, label: t(`alerts.severity.${value}`) }))}
            value={severity}
            onChange={(value) => setSeverity((value as Severity | null) ?? 'medium')}
            allowDeselect={false}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('alerts.form.validFrom')}
            description={t('alerts.form.validFromHint')}
            value={validFrom}
            onChange={(event) => setValidFrom(event.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('alerts.form.validUntil')}
            description={t('alerts.form.validUntilHint')}
            value={validUntil}
            onChange={(event) => setValidUntil(event.currentTarget.value)}
            required
            error={shown('validity')}
          />
        </Group>
        <AreaFields
          value={area}
          onChange={setArea}
          errors={{ countries: shown('countries'), label: shown('label'), geometry: shown('geometry') }}
        />
        <Textarea
          label={t('alerts.form.description')}
          description={t('alerts.form.descriptionHint')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          maxLength={MAX_DESCRIPTION}
          autosize
          minRows={6}
          required
          dir="auto"
          error={shown('description')}
        />
        <ObservablesEditor
          rows={observables}
          onChange={setObservables}
          description={description}
          refused={
            refusal?.field === 'observables' && refusal.index !== null ? { index: refusal.index, message: refusal.message } : null
          }
        />
        <HandlingCodePicker
          label={t('alerts.form.handlingCode')}
          description={t('alerts.form.handlingCodeHint')}
          explain={(code) => t(`alerts.codes.${codeKey(code)}`)}
          value={handlingCode}
          onChange={setHandlingCode}
        />
        <RecipientPicker value={recipients} onChange={setRecipients} error={shown('distribution')} />
        {units.length > 1 ? (
          <Select
            label={t('alerts.form.fromUnit')}
            data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            value={fromUnitId}
            onChange={setFromUnitId}
            allowDeselect={false}
            error={shown('fromUnit')}
          />
        ) : null}
        <ProblemAlert error={issue.error} title={t('alerts.form.refused')} />
        <Group>
          <Button type="submit" loading={issue.isPending}>
            {t('alerts.form.issue')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Issuing an alert: what, how serious, until when, where, what to look for, and to whom. */
export function NewAlertPage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  if (!mayIssue(me)) return <NotAllowedPage />;
  return (
    <Stack>
      <PageTitle description={t('alerts.form.intro')}>{t('alerts.form.pageTitle')}</PageTitle>
      <IssueForm />
    </Stack>
  );
}
