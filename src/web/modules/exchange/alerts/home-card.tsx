import { Badge, Text } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AlertList } from '../../../../shared/exchange/alerts/contract.js';
import { api, withQuery } from '../../../api/client.js';
import { formatDate } from '../../../app/format.js';
import { HomeCardFrame } from '../../home/home-card-frame.js';
import { ALERTS_API, alertKeys, alertPath } from './alerts-api.js';

const SHOWN = 5;
const DAYS = 7;

/** Midnight (UTC) seven days ago: "new" is the last week, and the query's key stays the same all day. */
function weekAgo(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - DAYS)).toISOString();
}

const newAlertsQuery = (since: string) =>
  queryOptions({
    queryKey: [...alertKeys.all, 'home', since] as const,
    queryFn: () => api.get<AlertList>(withQuery(ALERTS_API, { mine: true, since, limit: SHOWN })),
    staleTime: 0,
  });

/**
 * Home: alerts I may see issued in the last week over my organisation's country or addressed to one
 * of my units (the server's `mine` filter), newest first.
 */
export default function AlertsHomeCard() {
  const { t, i18n } = useTranslation();
  const alerts = useQuery(newAlertsQuery(weekAgo()));
  return (
    <HomeCardFrame
      id="home-alerts"
      title={t('alerts.home.title')}
      summary={alerts.data ? t('alerts.home.count', { count: alerts.data.total }) : undefined}
      loading={alerts.isPending}
      failed={alerts.isError}
      items={(alerts.data?.alerts ?? []).map((alert) => ({
        key: alert.id,
        to: alertPath(alert.id),
        label: alert.title,
        detail: (
          <>
            <Badge
              variant="light"
              color={alert.severity === 'critical' || alert.severity === 'high' ? 'red.9' : 'gray'}
              tt="none"
            >
              {t(`alerts.severity.${alert.severity}`)}
            </Badge>
            <Text size="sm" c="dimmed" component="time" dateTime={alert.createdAt}>
              {formatDate(alert.createdAt, i18n.language)}
            </Text>
          </>
        ),
      }))}
      more={{ to: '/alerts', label: t('alerts.home.all') }}
    />
  );
}
