import { useMantineTheme } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_TYPES } from '../../../../shared/knowledge/kinds.js';
import { themeLabel, typeColour } from '../knowledge.js';
import { type CountryProfile, type YearSeries, yearSeries } from './countries.js';
import type { NamedSeries } from './year-chart.js';

/** Themes drawn in the theme view; the others are summed into one series. */
const CHART_THEMES = 7;
const OTHER_THEMES = 'other';
// Distinct hues for the themes, in the order of the country's main themes; grey for the rest.
const THEME_HUES = ['blue', 'orange', 'teal', 'grape', 'red', 'lime', 'cyan'];

export interface ChartView {
  data: YearSeries;
  describe: (key: string) => NamedSeries;
  label: string;
}

/** The two views of a profile's chart: items per year by type, and per year by theme. */
export function useYearCharts(profile: CountryProfile): Record<'type' | 'theme', ChartView> {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const language = i18n.language;
  return useMemo(() => {
    const shade = (hue: string) => theme.colors[hue]?.[7] ?? theme.colors.gray[7];
    const themes = profile.topThemes.slice(0, CHART_THEMES).map((row) => row.theme);
    return {
      type: {
        data: yearSeries(
          profile.byYearAndType.map((row) => ({ year: row.year, key: row.type, count: row.count })),
          [...ITEM_TYPES],
        ),
        describe: (key) => ({ name: t(`knowledge.types.${key}`, { defaultValue: key }), colour: shade(typeColour(key)) }),
        label: t('countryProfiles.chartByTypeLabel'),
      },
      theme: {
        data: yearSeries(
          profile.byYearAndTheme.map((row) => ({ year: row.year, key: row.theme, count: row.count })),
          themes,
          OTHER_THEMES,
        ),
        describe: (key) =>
          key === OTHER_THEMES
            ? { name: t('countryProfiles.otherThemes'), colour: shade('gray') }
            : { name: themeLabel(key, language), colour: shade(THEME_HUES[themes.indexOf(key)] ?? 'gray') },
        label: t('countryProfiles.chartByThemeLabel'),
      },
    };
  }, [profile, language, t, theme]);
}
