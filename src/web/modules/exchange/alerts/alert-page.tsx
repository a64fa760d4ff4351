import { Alert, Anchor, Button, Card, Group, Loader, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { meQuery, queryClient } from '../../../api/session.js';
import { isolate } from '../../../app/bidi.js';
import { ConfirmDialog } from '../../../app/confirm-dialog.js';
import { Fields } from '../../../app/fields.js';
import { formatDateTime } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { HandlingCodeBadge, useFormatTime } from '../messages/message-parts.js';
import { PhoneNumber } from '../phone-number.js';
import { isProblem } from '../problems.js';
import { FeedbackForm, FeedbackList } from './alert-feedback.js';
import { AlertPlace, AreaText, CategoryTag, SeverityBadge, StatusTag, Validity } from './alert-parts.js';
import { type AlertDetail, alertKeys, alertPath, alertQuery, refreshAlerts, withdrawAlert } from './alerts-api.js';

function Description({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="description-heading">
      <Title order={2} size="h4" id="description-heading" mb="xs">
        {t('alerts.detail.description')}
      </Title>
      {alert.descriptionHtml !== null ? (
        // Rendered and sanitised by the server (no scripts, no event attributes): safe to insert.
        <div className="markdown-body" dir="auto" dangerouslySetInnerHTML={{ __html: alert.descriptionHtml }} />
      ) : (
        <div className="alert-source" dir="auto">
          {alert.description}
        </div>
      )}
    </section>
  );
}

function Observables({ alert }: { alert: AlertDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="observables-heading">
      <Title order={2} size="h4" id="observables-heading" mb="xs">
        {t('alerts.detail.observables', { count: alert.observables.length })}
      </Title>
      {alert.observables.length === 0 ? (
        <Text c="dimmed">{t('alerts.detail.noObservables')}</Text>
      ) : (
        <Table striped aria-labelledby="observables-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('alerts.detail.kind')}</Table.Th>
              <Table.Th scope="col">{t('alerts.detail.value')}</Table.Th>
              <Table.Th scope="col">{t('alerts.detail.context')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {alert.observables.map((observable) => (
              <Table.Tr key={`${observable.kind}:${observable.value}`}>
                <Table.Td>{t(`alerts.kind.${observable.kind}`)}</Table.Td>
                <Table.Td dir={observable.kind === 'phone' ? 'ltr' : 'auto'}>
                  {observable.kind === 'phone' ? <PhoneNumber value={observable.value} /> : observable.display}
                </Table.Td>
                <Table.Td>
                  {[
                    observable.country ? countryName(observable.country, i18n.language) : '',
                    observable.platform ? t(`alerts.platform.${observable.platform}`) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

/** Other alerts (among those the viewer may see) that share an observable; a weak link says so. */
function Correlations({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  return (
    <section aria-labelledby="correlations-heading">
      <Title order={2} size="h4" id="correlations-heading" mb="xs">
        {t('alerts.detail.linked', { count: alert.correlations.length })}
      </Title>
      {alert.correlations.length === 0 ? (
        <Text c="dimmed">{t('alerts.detail.noLinks')}</Text>
      ) : (
        <ul className="alert-list" aria-labelledby="correlations-heading">
          {alert.correlations.map((link) => (
            <li key={link.alertId} className={`alert-card alert-card-${link.severity}`}>
              <Group justify="space-between" gap="xs">
                <Group gap="xs">
                  <SeverityBadge severity={link.severity} />
                  <Anchor component={Link} to={alertPath(link.alertId)} dir="auto" fw={600}>
                    <bdi>{link.title}</bdi>
                  </Anchor>
                </Group>
                <HandlingCodeBadge code={link.handlingCode} />
              </Group>
              <Text size="sm" component="p">
                <time dateTime={link.createdAt}>{formatTime(link.createdAt)}</time>
              </Text>
              <Text size="sm" component="p">
                {t('alerts.detail.shared')}{' '}
                {link.shared.map((shared, index) => (
                  <span key={`${shared.kind}:${shared.display}`}>
                    {index > 0 ? ', ' : ''}
                    {t(`alerts.kind.${shared.kind}`)}: <bdi>{shared.display}</bdi>
                    {shared.weak ? <strong className="alert-weak"> ({t('alerts.detail.weak')})</strong> : null}
                  </span>
                ))}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The originating unit withdraws an alert with a reason: typed on the page first, then confirmed in
 * the dialog, which repeats it (the shared dialog holds no form fields).
 */
function Withdrawal({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => withdrawAlert(alert.id, reason.trim()),
    onSuccess: async (updated) => {
      queryClient.setQueryData(alertKeys.one(alert.id), updated);
      setConfirming(false);
      setEditing(false);
      await refreshAlerts();
    },
  });
  if (!editing) {
    return (
      <Group>
        <Button color="red" variant="outline" onClick={() => setEditing(true)}>
          {t('alerts.withdraw.button')}
        </Button>
      </Group>
    );
  }
  return (
    <Card withBorder padding="md" maw={640} className="alert-form">
      <Stack gap="sm">
        <Textarea
          label={t('alerts.withdraw.reason')}
          description={t('alerts.withdraw.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={1000}
          required
          autosize
          minRows={2}
          dir="auto"
          error={tried && !reason.trim() ? t('alerts.withdraw.reasonMissing') : null}
        />
        <Group>
          <Button
            color="red"
            onClick={() => {
              setTried(true);
              if (reason.trim()) setConfirming(true);
            }}
          >
            {t('alerts.withdraw.next')}
          </Button>
          <Button variant="default" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('alerts.withdraw.title')}
        message={t('alerts.withdraw.message', { reason: reason.trim() })}
        confirmLabel={t('alerts.withdraw.confirm')}
        busy={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdraw.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Card>
  );
}

/** One alert: its facts, description, observables, linked alerts, feedback and, for its unit, withdrawal. */
export function AlertPage() {
  const { t, i18n } = useTranslation();
  const { alertId } = useParams({ from: '/signed-in/alerts/$alertId' });
  const { data: me } = useQuery(meQuery);
  const alert = useQuery(alertQuery(alertId));

  // Not there and not visible look the same, so nothing leaks about alerts the reader may not see.
  // A malformed id is as unknown as a missing or hidden alert.
  if (isProblem(alert.error, PLATFORM_PROBLEMS, 'not-found') || isProblem(alert.error, PLATFORM_PROBLEMS, 'validation')) {
    return <NotFoundPage />;
  }
  if (alert.isPending) return <Loader aria-label={t('alerts.loading')} />;
  if (!alert.data) return <ProblemAlert error={alert.error} />;
  const detail = alert.data;
  const feedbackUnits = (me?.units ?? []).filter((unit) => unit.id !== detail.fromUnit.id);

  return (
    <Stack>
      <Anchor component={Link} to="/alerts" size="sm">
        {t('alerts.detail.back')}
      </Anchor>
      <PageTitle>{detail.title}</PageTitle>
      <Group gap="xs">
        <SeverityBadge severity={detail.severity} />
        <CategoryTag category={detail.category} />
        <StatusTag status={detail.status} />
        <HandlingCodeBadge code={detail.handlingCode} />
      </Group>
      {detail.status === 'withdrawn' ? (
        <Alert color="red" variant="light" title={t('alerts.withdraw.withdrawn')}>
          <span dir="auto">{detail.withdrawal?.reason ?? ''}</span>
        </Alert>
      ) : null}
      <Card withBorder padding="md">
        <Fields
          items={[
            [t('alerts.detail.validity'), <Validity key="v" from={detail.validFrom} until={detail.validUntil} />],
            [t('alerts.detail.area'), <AreaText key="a" countries={detail.area.countries} label={detail.area.label} />],
            ...(detail.area.geometry
              ? [
                  [
                    t('alerts.detail.point'),
                    <AlertPlace key="p" geometry={detail.area.geometry} countries={detail.area.countries} label={null} />,
                  ] as [string, ReactNode],
                ]
              : []),
            [
              t('alerts.detail.from'),
              `${t('alerts.list.from', {
                unit: isolate(detail.fromUnit.name),
                organisation: isolate(detail.fromOrganisation.name),
              })} (${isolate(detail.sender.name)})`,
            ],
            [t('alerts.detail.issued'), formatDateTime(detail.createdAt, i18n.language)],
          ]}
        />
      </Card>
      {detail.permissions.withdraw ? <Withdrawal alert={detail} /> : null}
      <Description alert={detail} />
      <Observables alert={detail} />
      <Correlations alert={detail} />
      <FeedbackList alert={detail} />
      {detail.permissions.feedback && feedbackUnits.length > 0 ? <FeedbackForm alert={detail} units={feedbackUnits} /> : null}
    </Stack>
  );
}
