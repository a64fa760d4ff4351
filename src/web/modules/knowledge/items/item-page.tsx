import { Anchor, Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemPage as LibraryItem, SimilarItem } from '../../../../shared/knowledge/contract.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { api, isApiError, isProblem } from '../../../api/client.js';
import { Fields } from '../../../app/fields.js';
import { formatList, formatParts } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert, usePageTitle } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { documentPath, formatDates, htmlLang } from '../knowledge.js';
import { HandlingBadge, LoadingLine, Tags, TypeBadge } from '../parts.js';
import { itemPath, itemRequest } from './items.js';
import '../knowledge.css';
import './items.css';

// The follow-up section loads with its own chunk, for signed-in readers.
const ItemFollowUp = lazy(() => import('../../followup/commitments/item-follow-up.js'));

/** The citation, ready to paste, with a button that copies it and says so to screen readers too. */
function Citation({ item }: { item: LibraryItem }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const doc = item.document;
  const place = formatParts([doc.city, countryName(doc.country, language)], language);
  const line =
    item.line == null
      ? ''
      : item.page != null
        ? t('knowledge.linePage', { line: item.line, page: item.page })
        : t('knowledge.line', { line: item.line });
  // The document's own paragraph number ("11(b)") is how meetings cite it.
  const where = [item.number ? t('knowledge.paragraph', { number: item.number }) : '', line].filter(Boolean).join(' · ');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="item-citation">
      <Stack gap="sm">
        <Title order={2} size="h4" id="item-citation">
          {t('libraryItem.citationTitle')}
        </Title>
        <blockquote className="library-item-citation" data-testid="item-citation" dir="auto">
          {item.citation}
        </blockquote>
        <CopyButton value={item.citation}>
          {({ copied, copy }) => (
            <Group gap="sm">
              <Button variant="outline" size="sm" onClick={copy}>
                {t('libraryItem.copy')}
              </Button>
              <Text size="sm" role="status" c="green.9">
                {copied ? t('libraryItem.copied') : ''}
              </Text>
            </Group>
          )}
        </CopyButton>
        <Fields
          items={(
            [
              [t('knowledge.process'), t(`knowledge.processes.${doc.process}`, { defaultValue: doc.process })],
              [t('libraryItem.document'), doc.title],
              [t('knowledge.place'), place],
              [t('knowledge.dates'), formatDates(doc.dates, language)],
              [
                t('libraryItem.coChairs'),
                formatList(
                  doc.coChairs.map((code) => countryName(code, language)),
                  language,
                ),
              ],
              [
                t('libraryItem.position'),
                where && item.line != null ? (
                  <Anchor
                    key="where"
                    component={Link}
                    to={documentPath(doc.id)}
                    hash={`item-${item.id}`}
                    data-testid="item-place"
                  >
                    {where}
                  </Anchor>
                ) : (
                  where
                ),
              ],
              [t('knowledge.handling'), <HandlingBadge key="handling" code={doc.handlingCode} />],
            ] as [string, ReactNode][]
          ).filter(([, value]) => value !== '')}
        />
        <Anchor component={Link} to={documentPath(doc.id)} hash={`item-${item.id}`} fw={600}>
          {t('libraryItem.showInDocument')}
        </Anchor>
      </Stack>
    </Card>
  );
}

/** A similar item: its text is the link to its page (a title would repeat for items of one document). */
function SimilarCard({ similar }: { similar: SimilarItem }) {
  const { t, i18n } = useTranslation();
  const doc = similar.document;
  const place = formatParts([doc.city, countryName(doc.country, i18n.language)], i18n.language);
  const date = formatDates(doc.dates.slice(0, 1), i18n.language);
  return (
    <Card withBorder padding="md" component="article" data-testid="similar-item">
      <Stack gap={6}>
        <Group gap="xs">
          <TypeBadge type={similar.type} />
        </Group>
        <Anchor component={Link} to={itemPath(similar.id)} dir="auto" lineClamp={4}>
          {similar.text}
        </Anchor>
        <Text size="sm" c="dimmed" component="p" m={0}>
          {t('knowledge.source')} <span dir="auto">{doc.title}</span>
          {place || date ? ` — ${formatParts([place, date], i18n.language)}` : null}
        </Text>
      </Stack>
    </Card>
  );
}

/** A document's language as an HTML lang attribute; "other" is none that HTML knows. */

export function ItemPage() {
  const { t, i18n } = useTranslation();
  const { itemId } = useParams({ strict: false }) as { itemId: string };
  const answer = useQuery({
    queryKey: ['knowledge', 'item', itemId, i18n.language],
    queryFn: () => api.get<LibraryItem>(itemRequest(itemId, i18n.language)),
  });
  const item = answer.data;
  const heading = item
    ? t('libraryItem.heading', { type: t(`knowledge.types.${item.type}`, { defaultValue: item.type }), ordinal: item.ordinal })
    : t('libraryItem.pageTitle');
  usePageTitle(heading);

  // A malformed id (400) is as much an unknown address as an unknown one (404).
  if (isApiError(answer.error, 404) || isProblem(answer.error, PLATFORM_PROBLEMS, 'validation')) return <NotFoundPage />;
  if (answer.error) {
    return (
      <Stack>
        <PageTitle>{t('libraryItem.pageTitle')}</PageTitle>
        <ProblemAlert error={answer.error} />
      </Stack>
    );
  }
  if (!item) {
    return <LoadingLine />;
  }

  return (
    <Stack>
      <Anchor component={Link} to="/library" size="sm">
        {t('knowledge.backToSearch')}
      </Anchor>
      <Stack gap={4}>
        <Group gap="xs">
          <TypeBadge type={item.type} />
        </Group>
        <Title order={1} size="h2">
          {heading}
        </Title>
        <Text c="dimmed" lang={htmlLang(item.document.language)} dir="auto">
          <bdi>{item.document.title}</bdi>
        </Text>
      </Stack>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Text
            size="lg"
            lang={htmlLang(item.document.language)}
            dir="auto"
            data-testid="item-text"
            className="library-item-text"
          >
            {item.text}
          </Text>
          <Tags countries={item.countries} themes={item.themes} organisations={item.organisations} />
        </Stack>
      </Card>
      <Citation item={item} />
      <Suspense fallback={null}>
        <ItemFollowUp itemId={item.id} recommendation={item.type === 'recommendation'} />
      </Suspense>
      <section aria-labelledby="item-similar">
        <Title order={2} size="h4" id="item-similar" mb="sm">
          {t('libraryItem.similarTitle')}
        </Title>
        {item.similar.length === 0 ? (
          <Text c="dimmed">{t('libraryItem.similarEmpty')}</Text>
        ) : (
          <Stack gap="sm" component="ul" className="library-item-similar">
            {item.similar.map((similar) => (
              <li key={similar.id}>
                <SimilarCard similar={similar} />
              </li>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
