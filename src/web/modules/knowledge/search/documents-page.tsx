import { Anchor, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DocumentList } from '../../../../shared/knowledge/contract.js';
import { api } from '../../../api/client.js';
import { formatNumber, formatParts } from '../../../app/format.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { documentPath, documentsRequest, formatDates, htmlLang } from '../knowledge.js';

export function DocumentsPage() {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['knowledge', 'documents'],
    queryFn: () => api.get<DocumentList>(documentsRequest()),
  });
  const documents = list.data?.documents ?? [];
  return (
    <Stack>
      <PageTitle description={t('knowledge.documentsIntro')}>{t('knowledge.documentsTitle')}</PageTitle>
      <Anchor component={Link} to="/library" size="sm">
        {t('knowledge.backToSearch')}
      </Anchor>
      <ProblemAlert error={list.error} />
      {list.isPending ? (
        <Stack aria-hidden="true">
          <Skeleton h={24} />
          <Skeleton h={24} />
          <Skeleton h={24} />
        </Stack>
      ) : null}
      {list.isSuccess ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Caption>{t('knowledge.documentsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('knowledge.documentColumn')}</Table.Th>
                <Table.Th scope="col">{t('knowledge.process')}</Table.Th>
                <Table.Th scope="col">{t('knowledge.place')}</Table.Th>
                <Table.Th scope="col">{t('knowledge.dates')}</Table.Th>
                <Table.Th scope="col">{t('knowledge.itemCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((doc) => (
                <Table.Tr key={doc.id}>
                  <Table.Td>
                    <Anchor component={Link} to={documentPath(doc.id)} lang={htmlLang(doc.language)} dir="auto">
                      <bdi>{doc.title}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`knowledge.processes.${doc.process}`, { defaultValue: doc.process })}</Table.Td>
                  <Table.Td>{formatParts([doc.city, countryName(doc.country, i18n.language)], i18n.language)}</Table.Td>
                  <Table.Td>{formatDates(doc.dates, i18n.language)}</Table.Td>
                  <Table.Td>{formatNumber(doc.itemCount, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.isSuccess && documents.length === 0 ? <Text c="dimmed">{t('knowledge.noDocuments')}</Text> : null}
    </Stack>
  );
}
