import { useTranslation } from 'react-i18next';
import { THEMES } from '../../../../shared/knowledge/vocabulary/themes-data.js';
import { themeLabel } from '../../knowledge/knowledge.js';
import { FUNCTION_KINDS } from './directory-api.js';

export function useKindOptions() {
  const { t } = useTranslation();
  return FUNCTION_KINDS.map((kind) => ({ value: kind, label: t(`directory.kinds.${kind}`) }));
}

export function useThemeOptions() {
  const { i18n } = useTranslation();
  return THEMES.map((theme) => ({ value: theme.id, label: themeLabel(theme.id, i18n.language) }));
}
