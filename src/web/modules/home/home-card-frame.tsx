import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** An address of the app and its search parameters (typed loosely: a card names pages of its own module). */
export interface CardLink {
  to: string;
  search?: Record<string, unknown>;
}

export interface HomeCardItem extends CardLink {
  key: string;
  label: string;
  /** Said after the link: a deadline, a count, a badge. */
  detail?: ReactNode;
}

interface HomeCardFrameProps {
  /** The heading's id, which names the card's region. */
  id: string;
  title: string;
  /** The counts, in words ("3 unread"), shown once the data is in. */
  summary?: ReactNode;
  loading: boolean;
  failed: boolean;
  items: HomeCardItem[];
  /** The full list, in its own module. */
  more: CardLink & { label: string };
}

/**
 * The frame every Home card shares: a heading, its counts, the top items linked to their pages (or
 * "Nothing waiting"), a loading state, and a link to the full list.
 */
export function HomeCardFrame({ id, title, summary, loading, failed, items, more }: HomeCardFrameProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id} aria-busy={loading} data-testid={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="wrap">
          <Title order={3} size="h4" id={id}>
            {title}
          </Title>
          {!loading && !failed && summary ? (
            <Text size="sm" c="dimmed" data-testid={`${id}-summary`}>
              {summary}
            </Text>
          ) : null}
        </Group>
        {loading ? (
          <Group gap="xs">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm" c="dimmed">
              {t('home.cards.loading')}
            </Text>
          </Group>
        ) : failed ? (
          <Text size="sm" c="red.9" role="alert">
            {t('home.cards.failed')}
          </Text>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('home.cards.nothing')}
          </Text>
        ) : (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <Group component="li" key={item.key} gap="xs" wrap="wrap" justify="space-between">
                <Anchor component={Link} to={item.to as never} search={item.search as never} size="sm" fw={600}>
                  {item.label}
                </Anchor>
                {item.detail ? (
                  <Group gap="xs" wrap="nowrap">
                    {item.detail}
                  </Group>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
        <Anchor component={Link} to={more.to as never} search={more.search as never} size="sm">
          {more.label}
        </Anchor>
      </Stack>
    </Card>
  );
}
