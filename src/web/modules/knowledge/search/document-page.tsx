import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from '@tanstack/react-router';
import { type MouseEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryDocument } from '../../../../shared/knowledge/contract.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { api, isApiError, isProblem } from '../../../api/client.js';
import { formatList, formatNumber, formatParts } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert, usePageTitle } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { itemPath } from '../items/items.js';
import { documentRequest, formatDates, htmlLang } from '../knowledge.js';
import { AboutCard, HandlingBadge, LoadingLine, Tags, TypeBadge } from '../parts.js';
import '../knowledge.css';

const anchorOf = (itemId: string) => `item-${itemId}`;

/**
 * The line of the text a link points at: `#item-<id>` (where the item starts) or `#line-<n>`
 * (a place cited as "line 122"); null when the document has no such place.
 */
export function lineOfHash(hash: string, items: { id: string; line: number | null }[], lineCount: number): number | null {
  const line = /^line-(\d+)$/.exec(hash);
  if (line) {
    const number = Number(line[1]);
    return number >= 1 && number <= lineCount ? number : null;
  }
  const item = /^item-(.+)$/.exec(hash);
  return item ? (items.find((entry) => entry.id === item[1])?.line ?? null) : null;
}

/** Brings a line into view in the text panel and moves the reading position there. */
function reveal(line: number) {
  const target = document.querySelector<HTMLElement>(`.knowledge-text [data-line="${line}"]`);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

export function DocumentPage() {
  const { t, i18n } = useTranslation();
  const { documentId } = useParams({ strict: false }) as { documentId: string };
  const { hash } = useLocation();
  const answer = useQuery({
    queryKey: ['knowledge', 'document', documentId],
    queryFn: () => api.get<LibraryDocument>(documentRequest(documentId)),
  });
  const doc = answer.data;
  usePageTitle(doc?.title ?? t('knowledge.documentTitle'));

  const lines = useMemo(() => (doc ? doc.body.split(/\r?\n/) : []), [doc]);
  // The first item starting on each line (1-based line numbers); several items may share one line.
  // An item whose line is unknown has no place in the text.
  const starts = useMemo(() => {
    const map = new Map<number, LibraryDocument['items']>();
    for (const item of doc?.items ?? []) {
      if (item.line !== null) map.set(item.line, [...(map.get(item.line) ?? []), item]);
    }
    return map;
  }, [doc]);

  // Arriving from a search result or a citation (…#item-<id>, …#line-122): once the text has
  // loaded and is drawn, that line is highlighted, scrolled to and focused.
  const [target, setTarget] = useState<number | null>(null);
  useEffect(() => {
    if (doc && hash) setTarget(lineOfHash(hash, doc.items, lines.length));
  }, [doc, hash, lines.length]);
  useEffect(() => {
    if (target !== null) reveal(target);
  }, [target]);
  const jump = (event: MouseEvent<HTMLAnchorElement>, id: string, line: number | null) => {
    event.preventDefault();
    window.history.replaceState(window.history.state, '', `#${id}`);
    if (line === target && line !== null) reveal(line);
    else setTarget(line);
  };

  // A malformed id (400) is as much an unknown address as an unknown one (404).
  if (isApiError(answer.error, 404) || isProblem(answer.error, PLATFORM_PROBLEMS, 'validation')) return <NotFoundPage />;
  if (answer.error) {
    return (
      <Stack>
        <PageTitle>{t('knowledge.documentTitle')}</PageTitle>
        <ProblemAlert error={answer.error} />
      </Stack>
    );
  }
  if (!doc) {
    return <LoadingLine />;
  }

  const items = [...doc.items].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const place = formatParts([doc.city, countryName(doc.country, i18n.language)], i18n.language);
  const language = htmlLang(doc.language);

  return (
    <Stack>
      <Anchor component={Link} to="/library" size="sm">
        {t('knowledge.backToSearch')}
      </Anchor>
      <Title order={1} size="h2" lang={language} dir="auto">
        <bdi>{doc.title}</bdi>
      </Title>
      <AboutCard
        id="document-about"
        items={[
          [t('knowledge.process'), t(`knowledge.processes.${doc.process}`, { defaultValue: doc.process })],
          [t('knowledge.place'), place],
          [t('knowledge.dates'), formatDates(doc.dates, i18n.language)],
          [t('knowledge.language'), t(`knowledge.languages.${doc.language}`, { defaultValue: doc.language })],
          [t('knowledge.handling'), <HandlingBadge key="handling" code={doc.handlingCode} />],
          [t('knowledge.itemCount'), formatNumber(items.length, i18n.language)],
        ]}
      />

      <section aria-labelledby="document-items">
        <Title order={2} size="h3" id="document-items" mb="sm">
          {t('knowledge.items')}
        </Title>
        {items.length === 0 ? <Text c="dimmed">{t('knowledge.noItems')}</Text> : null}
        <ol className="knowledge-item-list" data-testid="document-items">
          {items.map((item) => (
            <li key={item.id}>
              <Card withBorder padding="sm" mb="xs" component="article">
                <Stack gap={6}>
                  <Group gap="xs" justify="space-between">
                    <TypeBadge type={item.type} />
                    <Anchor
                      href={`#${anchorOf(item.id)}`}
                      size="sm"
                      onClick={(event) => jump(event, anchorOf(item.id), item.line)}
                    >
                      {item.number ? `${t('knowledge.paragraph', { number: item.number })} · ` : ''}
                      {item.page != null
                        ? t('knowledge.linePage', { line: item.line, page: item.page })
                        : t('knowledge.line', { line: item.line })}
                    </Anchor>
                  </Group>
                  <Text lang={language} dir="auto">
                    {item.text}
                  </Text>
                  <Tags countries={item.countries} themes={item.themes} organisations={item.organisations} />
                  <Anchor component={Link} to={itemPath(item.id)} size="sm">
                    {t('libraryItem.openItem')}
                  </Anchor>
                </Stack>
              </Card>
            </li>
          ))}
        </ol>
      </section>

      <div>
        <Title order={2} size="h3" id="document-text" mb="xs">
          {t('knowledge.originalText')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('knowledge.originalTextHint')}
        </Text>
        {/* Focusable so that the keyboard can scroll it too. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
        <section className="knowledge-text" aria-labelledby="document-text" tabIndex={0} lang={language} dir="ltr">
          {lines.map((line, index) => {
            const number = index + 1;
            const starting = starts.get(number);
            return (
              <div
                key={index}
                className={[
                  'knowledge-line',
                  starting ? 'knowledge-line-start' : '',
                  number === target ? 'knowledge-line-target' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                id={starting ? anchorOf(starting[0].id) : undefined}
                tabIndex={starting || number === target ? -1 : undefined}
                data-line={number}
                data-target={number === target || undefined}
              >
                <span className="knowledge-line-number">{number}</span>
                <span>
                  {starting ? starting.slice(1).map((extra) => <span key={extra.id} id={anchorOf(extra.id)} />) : null}
                  {starting ? (
                    <span className="visually-hidden-knowledge">
                      {formatList(
                        starting.map((item) => t(`knowledge.types.${item.type}`)),
                        i18n.language,
                      )}
                      :{' '}
                    </span>
                  ) : null}
                  {line || '\u00a0'}
                </span>
              </div>
            );
          })}
        </section>
      </div>
    </Stack>
  );
}
