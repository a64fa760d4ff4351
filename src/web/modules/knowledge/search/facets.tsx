import { Card, Checkbox, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetCount } from '../../../../shared/knowledge/contract.js';
import { type FacetField, ITEM_TYPES } from '../../../../shared/knowledge/kinds.js';
import { formatNumber } from '../../../app/format.js';
import { countryName } from '../../../i18n/index.js';
import { organisationLabel, themeLabel, typeColour } from '../knowledge.js';

/** The facet panels shown beside the results, in this order. */
export const PANELS: Exclude<FacetField, 'reference'>[] = [
  'type',
  'followUp',
  'country',
  'theme',
  'process',
  'year',
  'organisation',
];
const SHORT_LIST = 8;

export function useFacetLabel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (facet: FacetField, value: string): string => {
    switch (facet) {
      case 'type':
        return t(`knowledge.types.${value}`, { defaultValue: value });
      case 'country':
        return countryName(value, language);
      case 'theme':
        return themeLabel(value, language);
      case 'organisation':
        return organisationLabel(value, language);
      case 'process':
        return t(`knowledge.processes.${value}`, { defaultValue: value });
      case 'followUp':
        return t(`knowledge.followUpFacet.${value}`, { defaultValue: value });
      default:
        return value;
    }
  };
}

export function FacetPanel({
  facet,
  counts,
  selected,
  onToggle,
}: {
  facet: FacetField;
  counts: FacetCount[];
  selected: string[];
  onToggle: (value: string, on: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const label = useFacetLabel();
  const [expanded, setExpanded] = useState(false);
  // A chosen value stays listed (to be unticked) even when the answer no longer counts it.
  const rows = [...counts];
  for (const value of selected) if (!rows.some((row) => row.value === value)) rows.push({ value, count: 0 });
  if (!rows.length) return null;
  const collator = new Intl.Collator(i18n.language);
  if (facet === 'country' || facet === 'theme' || facet === 'organisation') {
    rows.sort((a, b) => b.count - a.count || collator.compare(label(facet, a.value), label(facet, b.value)));
  }
  const shown = expanded ? rows : rows.slice(0, SHORT_LIST);
  const legendId = `facet-${facet}`;
  return (
    <fieldset className="knowledge-facet" data-testid={`facet-${facet}`}>
      <legend id={legendId}>{facet === 'followUp' ? t('knowledge.followUpFacet.title') : t(`knowledge.facets.${facet}`)}</legend>
      <Stack gap={6}>
        {shown.map((row) => {
          const name = label(facet, row.value);
          return (
            <Checkbox
              key={row.value}
              size="sm"
              checked={selected.includes(row.value)}
              onChange={(event) => onToggle(row.value, event.currentTarget.checked)}
              label={
                <Group gap={6} wrap="nowrap" component="span">
                  <span>{name}</span>
                  <Text component="span" size="xs" c="dimmed">
                    ({formatNumber(row.count, i18n.language)})
                  </Text>
                </Group>
              }
            />
          );
        })}
      </Stack>
      {rows.length > SHORT_LIST ? (
        <UnstyledButton
          mt={6}
          fz="sm"
          c="liaison.7"
          td="underline"
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? t('knowledge.showFewer') : t('knowledge.showAll', { count: rows.length })}
        </UnstyledButton>
      ) : null}
    </fieldset>
  );
}

/** Results by type as CSS bars; the list of labels and numbers is itself the text alternative. */
export function TypeChart({ counts }: { counts: FacetCount[] }) {
  const { t, i18n } = useTranslation();
  const byType = ITEM_TYPES.map((type) => ({
    type,
    count: counts.find((row) => row.value === type)?.count ?? 0,
  }));
  const max = Math.max(1, ...byType.map((row) => row.count));
  return (
    <Card withBorder padding="md" component="figure" m={0} aria-labelledby="knowledge-chart-title">
      <Text component="figcaption" fw={700} size="sm" mb="xs" id="knowledge-chart-title">
        {t('knowledge.chartTitle')}
      </Text>
      <ul className="knowledge-chart">
        {byType.map((row) => (
          <li key={row.type}>
            <Text component="span" size="sm">
              {t(`knowledge.types.${row.type}`)}
            </Text>
            <span className="knowledge-chart-track" aria-hidden="true">
              <span
                className="knowledge-chart-bar"
                style={{
                  display: 'block',
                  width: `${(row.count / max) * 100}%`,
                  background: `var(--mantine-color-${typeColour(row.type)}-7)`,
                }}
              />
            </span>
            <Text component="span" size="sm" fw={600}>
              {formatNumber(row.count, i18n.language)}
            </Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
