import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card that is a landmark-free region named by its heading, reachable by `#id`. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" id={id} aria-labelledby={`${id}-title`}>
      <Title order={2} size="h3" id={`${id}-title`} mb="md" tabIndex={-1}>
        {title}
      </Title>
      {children}
    </Card>
  );
}
