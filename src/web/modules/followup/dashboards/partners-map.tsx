import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../i18n/index.js';
import { colourClasses } from '../../knowledge/countries/countries.js';
import { WorldMap } from '../../knowledge/countries/world-map.js';
import '../../knowledge/countries/countries.css';

/**
 * Committed partners per country on the library's world map. A country opens its library profile;
 * the partners table beside the map carries the same figures for keyboards and screen readers.
 */
export function PartnersMap({
  partnersByCountry,
  onOpen,
}: {
  partnersByCountry: Record<string, number>;
  onOpen: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const counts = useMemo(() => new Map(Object.entries(partnersByCountry)), [partnersByCountry]);
  const classes = useMemo(() => colourClasses(Math.max(0, ...counts.values())), [counts]);
  const describe = useCallback(
    (code: string, count: number) => t('followupDashboards.plan.mapTooltip', { country: countryName(code, language), count }),
    [t, language],
  );
  return <WorldMap counts={counts} classes={classes} onOpen={onOpen} describe={describe} />;
}
