import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LibraryQuery } from '../knowledge.js';
import { EXPORT_FORMATS, exportLink } from './export-link.js';

/**
 * Download links for every item of the current search (not only this page), carrying its words,
 * filters and order. Plain links: the browser saves the file under the name the server gives.
 */
export function ExportMenu({ search }: { search: LibraryQuery }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="sm" role="group" aria-labelledby="library-export-label" data-testid="library-export">
      <Text component="span" size="sm" fw={600} id="library-export-label">
        {t('libraryExport.label')}
      </Text>
      {EXPORT_FORMATS.map((format) => (
        <Anchor
          key={format}
          href={exportLink(search, format, i18n.language)}
          download
          size="sm"
          fw={600}
          aria-label={t(`libraryExport.${format}`)}
        >
          {format.toUpperCase()}
        </Anchor>
      ))}
    </Group>
  );
}
