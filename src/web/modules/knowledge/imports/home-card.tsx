import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format.js';
import { HomeCardFrame } from '../../home/home-card-frame.js';
import { recentImportsQuery } from './imports-api.js';

/**
 * Home (curators): recent imports that still need someone — waiting, running or failed. Finished
 * ones have left their documents in review (the review card).
 */
export default function ImportsHomeCard() {
  const { t, i18n } = useTranslation();
  const recent = useQuery(recentImportsQuery(1));
  const waiting = (recent.data?.items ?? []).filter((item) => item.status !== 'done');
  return (
    <HomeCardFrame
      id="home-imports"
      title={t('imports.home.title')}
      summary={recent.data ? t('imports.home.count', { count: waiting.length }) : undefined}
      loading={recent.isPending}
      failed={recent.isError}
      items={waiting.map((item) => ({
        key: item.id,
        to: '/library/import',
        search: { import: item.id },
        label: t('imports.home.item', { time: formatDateTime(item.createdAt, i18n.language), count: item.fileCounts.total }),
        detail: (
          <Badge variant="light" color={item.status === 'failed' ? 'red.9' : 'gray'} tt="none">
            {t(`imports.status.${item.status}`)}
          </Badge>
        ),
      }))}
      more={{ to: '/library/import', label: t('imports.home.all') }}
    />
  );
}
