import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatList, formatParts } from '../../../app/format.js';
import { countryName } from '../../../i18n/index.js';
import { languageName } from '../../exchange/directory/directory-api.js';
import type { ServicePlace } from './services-api.js';
import './services.css';

/** The needs a provider serves, as tags. */
export function NeedTags({ services }: { services: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} component="span">
      {services.map((need) => (
        <span key={need} className="service-need">
          {t(`referralServices.need.${need}`)}
        </span>
      ))}
    </Group>
  );
}

/** "Almería, Andalucía, Spain": the parts it has, in the reader's language. */
export function placeText(place: Pick<ServicePlace, 'city' | 'region' | 'country'>, language: string): string {
  return formatParts([place.city, place.region, countryName(place.country, language)], language);
}

export function languagesText(codes: readonly string[], language: string): string {
  return formatList(
    codes.map((code) => languageName(code, language)),
    language,
  );
}
