import { Badge, Card, Group, Loader, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Fields } from '../../app/fields.js';
import { countryName } from '../../i18n/index.js';
import { organisationLabel, snippetParts, themeLabel, typeColour } from './knowledge.js';

export function TypeBadge({ type }: { type: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={typeColour(type)} tt="none" size="md">
      {t(`knowledge.types.${type}`, { defaultValue: type })}
    </Badge>
  );
}

/** The snippet with its highlights, built as React elements: the server's HTML is never injected. */
export function Snippet({ snippet, text }: { snippet: string; text?: string }) {
  const parts = snippetParts(snippet);
  // An excerpt taken from inside the item says so with an ellipsis at the cut.
  const plain = parts
    .map((part) => part.text)
    .join('')
    .trim();
  const cutBefore = !!text && !!plain && !text.trim().startsWith(plain.slice(0, 24));
  const cutAfter = !!text && !!plain && !text.trim().endsWith(plain.slice(-24));
  return (
    <>
      {cutBefore ? '… ' : null}
      {parts.map((part, index) =>
        part.marked ? (
          <mark key={index} className="knowledge-mark">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
      {cutAfter ? ' …' : null}
    </>
  );
}

/**
 * Countries, themes and organisations of an item, as a labelled list of tags. A country tag is a
 * link to the country's profile, where the library's other items on that country are.
 */
export function Tags({ countries, themes, organisations }: { countries: string[]; themes: string[]; organisations: string[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const tags = [
    ...themes.map((id) => ({ key: `t:${id}`, label: themeLabel(id, language), color: 'liaison' })),
    ...organisations.map((id) => ({ key: `o:${id}`, label: organisationLabel(id, language), color: 'gray' })),
  ];
  if (!countries.length && !tags.length) return null;
  return (
    <Group gap={6} component="ul" aria-label={t('knowledge.tags')} className="knowledge-tags">
      {countries.map((code) => {
        const country = countryName(code, language);
        return (
          <li key={`c:${code}`}>
            <Badge
              renderRoot={(props) => <Link {...props} to="/library/countries/$code" params={{ code }} />}
              title={t('knowledge.countryProfileOf', { country })}
              variant="outline"
              color="gray"
              tt="none"
              size="sm"
              fw={500}
              className="knowledge-tag-link"
            >
              {country}
            </Badge>
          </li>
        );
      })}
      {tags.map((tag) => (
        <li key={tag.key}>
          <Badge variant="outline" color={tag.color} tt="none" size="sm" fw={500}>
            {tag.label}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

/** A library document's handling code: plain, the library does not colour codes as the exchange does. */
export function HandlingBadge({ code }: { code: string }) {
  return (
    <Badge variant="outline" color="gray" tt="none">
      {code}
    </Badge>
  );
}

/** The "About" card of a document's page, for readers and for curators; `id` names its heading. */
export function AboutCard({
  id,
  items,
  children,
}: {
  id: string;
  items: [label: string, value: ReactNode][];
  /** What follows the facts, such as the curators' actions. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {t('knowledge.about')}
      </Title>
      <Fields items={items} />
      {children}
    </Card>
  );
}

/** A page of the library still loading: the spinner is named for screen readers, the word shown to all. */
export function LoadingLine() {
  const { t } = useTranslation();
  return (
    <Group>
      <Loader size="sm" aria-label={t('knowledge.loading')} />
      <Text>{t('knowledge.loading')}</Text>
    </Group>
  );
}
