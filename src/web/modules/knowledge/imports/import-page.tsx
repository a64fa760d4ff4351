import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../../api/session.js';
import { NotAllowedPage, PageTitle } from '../../../app/page.js';
import { isCurator } from '../review/review-api.js';
import { ImportProgress } from './import-progress.js';
import { RecentImports } from './recent-imports.js';
import { UploadForm } from './upload-form.js';
import './imports.css';
import { parseImportSearch } from './import-search.js';

/** Curators upload outcome documents here and follow each file while the background job ingests it. */
export function ImportPage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const search = parseImportSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  if (!isCurator(me)) return <NotAllowedPage />;
  return (
    <Stack maw={960}>
      <PageTitle description={t('imports.intro')}>{t('imports.title')}</PageTitle>
      <Anchor component={Link} to="/library" size="sm">
        {t('imports.backToLibrary')}
      </Anchor>
      <UploadForm onStarted={(started) => void navigate({ to: '/library/import', search: { import: started.id } })} />
      {search.import ? <ImportProgress key={search.import} importId={search.import} /> : null}
      <RecentImports selectedId={search.import} />
    </Stack>
  );
}
