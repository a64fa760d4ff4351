import { Anchor, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Ltr } from '../../../app/bidi.js';
import { Fields } from '../../../app/fields.js';
import { formatDate, formatNumber } from '../../../app/format.js';
import {
  type CommitmentDetail,
  evidenceLink,
  type Indicator,
  type Measurement,
  refreshFollowup,
  withdrawMeasurement,
} from './commitments-api.js';
import { MeasurementForm, NewIndicatorForm } from './indicator-forms.js';
import { TrendTag } from './parts.js';
import { ReasonDialog } from './reason-dialog.js';
import { formatValue } from './values.js';

// ECharts loads with the first indicator shown, not with the page.
const IndicatorChart = lazy(() => import('./indicator-chart.js'));

function Evidence({ measurement }: { measurement: Measurement }) {
  const { t } = useTranslation();
  const evidence = measurement.evidence;
  if (!evidence) return null;
  if (evidence.kind === 'link') {
    return (
      <Anchor href={evidence.url} target="_blank" rel="noopener noreferrer" size="sm">
        {t('followupCommitments.measurements.link')}
      </Anchor>
    );
  }
  return (
    <Anchor href={evidenceLink(measurement.id)} download size="sm">
      <bdi>{evidence.filename}</bdi>
    </Anchor>
  );
}

function Measurements({ indicator, editable }: { indicator: Indicator; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [withdrawing, setWithdrawing] = useState<Measurement | null>(null);
  const withdraw = useMutation({
    mutationFn: (reason: string) => withdrawMeasurement(withdrawing?.id ?? '', reason),
    onSuccess: async () => {
      await refreshFollowup();
      setWithdrawing(null);
    },
  });
  if (!indicator.measurements.length)
    return (
      <Text c="dimmed" size="sm">
        {t('followupCommitments.measurements.empty')}
      </Text>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={700}>
        <Table
          striped
          aria-label={t('followupCommitments.measurements.of', { name: indicator.name })}
          data-testid="measurements-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('followupCommitments.measurements.measuredOn')}</Table.Th>
              <Table.Th scope="col">{t('followupCommitments.indicators.value')}</Table.Th>
              <Table.Th scope="col">{t('followupCommitments.measurements.source')}</Table.Th>
              <Table.Th scope="col">{t('followupCommitments.measurements.evidence')}</Table.Th>
              <Table.Th scope="col">{t('followupCommitments.measurements.reportedBy')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicator.measurements.map((measurement) => (
              <Table.Tr key={measurement.id} data-testid="measurement-row">
                <Table.Td>{formatDate(measurement.measuredOn, language)}</Table.Td>
                <Table.Td>
                  {measurement.withdrawn ? (
                    <s>{formatValue(indicator, measurement.value, t, language)}</s>
                  ) : (
                    formatValue(indicator, measurement.value, t, language)
                  )}
                  {measurement.withdrawn ? (
                    <Text size="xs" c="red.9" data-testid="measurement-withdrawn">
                      {t('followupCommitments.measurements.withdrawn', { date: formatDate(measurement.withdrawn.at, language) })}{' '}
                      <bdi>{measurement.withdrawn.reason}</bdi>
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <bdi>{measurement.source}</bdi>
                  {measurement.note ? (
                    <Text size="xs" c="dimmed" dir="auto">
                      {measurement.note}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Evidence measurement={measurement} />
                </Table.Td>
                <Table.Td>{measurement.reportedBy ? <bdi>{measurement.reportedBy.name}</bdi> : null}</Table.Td>
                <Table.Td>
                  {editable && !measurement.withdrawn ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        withdraw.reset();
                        setWithdrawing(measurement);
                      }}
                      aria-label={t('followupCommitments.measurements.withdrawOf', {
                        date: formatDate(measurement.measuredOn, language),
                      })}
                    >
                      {t('followupCommitments.measurements.withdraw')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ReasonDialog
        opened={withdrawing !== null}
        title={t('followupCommitments.measurements.withdraw')}
        message={t('followupCommitments.measurements.withdrawHint')}
        confirmLabel={t('followupCommitments.measurements.withdraw')}
        busy={withdraw.isPending}
        error={withdraw.error}
        required
        onConfirm={(reason) => withdraw.mutate(reason)}
        onClose={() => setWithdrawing(null)}
      />
    </>
  );
}

function IndicatorCard({ indicator, editable }: { indicator: Indicator; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const value = (number: number) => formatValue(indicator, number, t, language);
  const headingId = `fu-indicator-${indicator.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} data-testid="indicator">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={headingId} dir="auto">
            {indicator.name}
          </Title>
          <TrendTag trend={indicator.trend} />
        </Group>
        <Fields
          items={[
            [t('followupCommitments.indicators.valueType'), t(`followupCommitments.valueType.${indicator.valueType}`)],
            [t('followupCommitments.indicators.direction'), t(`followupCommitments.direction.${indicator.direction}`)],
            [
              t('followupCommitments.indicators.baseline'),
              `${value(indicator.baseline.value)} (${formatDate(indicator.baseline.on, language)})`,
            ],
            [
              t('followupCommitments.indicators.target'),
              `${value(indicator.target.value)} (${formatDate(indicator.target.on, language)})`,
            ],
            [
              t('followupCommitments.indicators.latest'),
              indicator.latest
                ? `${value(indicator.latest.value)} (${formatDate(indicator.latest.on, language)})`
                : t('followupCommitments.trend.no_data'),
            ],
            [
              t('followupCommitments.indicators.attainment'),
              indicator.attainment === null ? (
                '—'
              ) : (
                <Ltr key="attainment">
                  {formatNumber(indicator.attainment, language, { style: 'percent', maximumFractionDigits: 0 })}
                </Ltr>
              ),
            ],
          ]}
        />
        <Suspense fallback={<Loader size="sm" aria-label={t('followupCommitments.loading')} />}>
          <IndicatorChart indicator={indicator} />
        </Suspense>
        <Measurements indicator={indicator} editable={editable} />
        {editable ? <MeasurementForm indicator={indicator} /> : null}
      </Stack>
    </Card>
  );
}

/** The commitment's indicators: lines against baseline and target, measurements with their evidence. */
export function IndicatorsSection({ commitment }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const editable = commitment.permissions.edit && commitment.status !== 'cancelled';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="fu-indicators">
      <Stack gap="md">
        <Title order={2} size="h4" id="fu-indicators">
          {t('followupCommitments.indicators.heading', { count: commitment.indicatorItems.length })}
        </Title>
        {commitment.indicatorItems.length === 0 ? <Text c="dimmed">{t('followupCommitments.indicators.empty')}</Text> : null}
        {commitment.indicatorItems.map((indicator) => (
          <IndicatorCard key={indicator.id} indicator={indicator} editable={editable} />
        ))}
        {editable ? <NewIndicatorForm commitmentId={commitment.id} /> : null}
      </Stack>
    </Card>
  );
}
