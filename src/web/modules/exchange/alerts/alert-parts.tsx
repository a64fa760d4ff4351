import { Anchor, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { placeName, whereabouts } from '../../../../shared/exchange/alerts/gazetteer.js';
import { isolate } from '../../../app/bidi.js';
import { formatList } from '../../../app/format.js';
import { countryName } from '../../../i18n/index.js';
import { HandlingCodeBadge, useFormatTime } from '../messages/message-parts.js';
import { type AlertStatus, type AlertSummary, alertPath, type Category, type Geometry, type Severity } from './alerts-api.js';
import './alerts.css';

/** Severity as a coloured tag that also says it in words: colour is never the only cue. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <span className={`alert-severity alert-severity-${severity}`}>{t(`alerts.severity.${severity}`)}</span>;
}

export function CategoryTag({ category }: { category: Category }) {
  const { t } = useTranslation();
  return <span className="alert-tag">{t(`alerts.category.${category}`)}</span>;
}

export function StatusTag({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  return <span className={`alert-tag alert-status-${status}`}>{t(`alerts.status.${status}`)}</span>;
}

/** "Valid from … until …" in the reader's language and time zone. */
export function Validity({ from, until }: { from: string; until: string }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  return (
    <span>
      {t('alerts.validity.from')} <time dateTime={from}>{formatTime(from)}</time> {t('alerts.validity.until')}{' '}
      <time dateTime={until}>{formatTime(until)}</time>
    </span>
  );
}

/** The countries in the reader's language, then the border section or route. */
export function AreaText({ countries, label }: { countries: string[]; label: string | null }) {
  const { i18n } = useTranslation();
  const names = formatList(
    countries.map((code) => countryName(code, i18n.language)),
    i18n.language,
  );
  return (
    <span>
      {names}
      {label ? (
        <>
          {' · '}
          <span dir="auto">{label}</span>
        </>
      ) : null}
    </span>
  );
}

/** One alert on the board: title, severity, code, category, area, validity and its links to others. */
export function AlertCard({ alert }: { alert: AlertSummary }) {
  const { t } = useTranslation();
  return (
    <li className={`alert-card alert-card-${alert.severity}`} data-status={alert.status}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <SeverityBadge severity={alert.severity} />
          <Anchor component={Link} to={alertPath(alert.id)} fw={600} dir="auto">
            <bdi>{alert.title}</bdi>
          </Anchor>
        </Group>
        <HandlingCodeBadge code={alert.handlingCode} />
      </Group>
      <div className="alert-facts">
        <CategoryTag category={alert.category} />
        {alert.status !== 'active' ? <StatusTag status={alert.status} /> : null}
        <AreaText countries={alert.area.countries} label={alert.area.label} />
      </div>
      <Text size="sm" component="p" className="alert-meta">
        <Validity from={alert.validFrom} until={alert.validUntil} />
        {' · '}
        {t('alerts.list.from', { unit: isolate(alert.fromUnit.name), organisation: isolate(alert.fromOrganisation.name) })}
      </Text>
      <Text size="sm" component="p" className="alert-meta">
        {t('alerts.list.observables', { count: alert.observableCount })}
        {' · '}
        {alert.correlationCount > 0 ? (
          <strong>{t('alerts.list.linked', { count: alert.correlationCount })}</strong>
        ) : (
          t('alerts.list.linked', { count: 0 })
        )}
      </Text>
    </li>
  );
}

/** A point as "latitude, longitude"; an area by its number of corners (the ring repeats its first). */
export function useDescribeGeometry() {
  const { t } = useTranslation();
  return (geometry: Geometry) =>
    geometry.type === 'Point'
      ? `${geometry.coordinates[1].toFixed(4)}, ${geometry.coordinates[0].toFixed(4)}`
      : t('alerts.map.polygon', { count: Math.max(0, (geometry.coordinates[0]?.length ?? 1) - 1) });
}

/**
 * Where an alert's area is, as a place: its own name and countries when it has them ("Strait of
 * Gibraltar, Morocco, Spain"), else the nearest known place ("near Nouadhibou, Mauritania"), else
 * its countries; the coordinates stay one click away ("Show coordinates").
 */
export function AlertPlace({
  geometry,
  countries,
  label,
}: {
  geometry: Geometry | null;
  countries: string[];
  label: string | null;
}) {
  const { t, i18n } = useTranslation();
  const coordinates = useDescribeGeometry();
  const names = countries.map((code) => countryName(code, i18n.language)).join(', ');
  const where = whereabouts(geometry, countries);
  const text = label
    ? [label, names].filter(Boolean).join(', ')
    : where.kind === 'at'
      ? t('alerts.place.at', {
          place: placeName(where.place, i18n.language),
          country: countryName(where.place.country, i18n.language),
        })
      : where.kind === 'near'
        ? t(where.area ? 'alerts.place.areaNear' : 'alerts.place.near', {
            place: placeName(where.place, i18n.language),
            country: countryName(where.place.country, i18n.language),
          })
        : where.kind === 'countries'
          ? names
          : null;
  if (!text) return geometry ? <bdi dir="ltr">{coordinates(geometry)}</bdi> : null;
  return (
    <span className="alert-place">
      <bdi>{text}</bdi>
      {geometry ? (
        <details className="alert-coordinates">
          <summary>{t('alerts.place.showCoordinates')}</summary>
          <bdi dir="ltr">{coordinates(geometry)}</bdi>
        </details>
      ) : null}
    </span>
  );
}
