import { Group, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { formatList, formatParts } from '../../../app/format.js';
import { NotFoundPage, ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { languageName } from '../../exchange/directory/directory-api.js';
import { isProblem } from '../../exchange/problems.js';
import { type ServicePlace, type ServiceProvider, serviceQuery } from './services-api.js';
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

/**
 * A provider for its pages, or the page to show instead: not found for an unknown id (a malformed
 * one is as unknown as a missing provider), a loader while reading, the refusal if any.
 */
export function useProviderOrPage(
  providerId: string,
): { provider: ServiceProvider; page?: undefined } | { provider?: undefined; page: ReactElement } {
  const { t } = useTranslation();
  const query = useQuery(serviceQuery(providerId));
  if (isProblem(query.error, PLATFORM_PROBLEMS, 'not-found') || isProblem(query.error, PLATFORM_PROBLEMS, 'validation')) {
    return { page: <NotFoundPage /> };
  }
  if (query.isPending) return { page: <Loader role="status" aria-label={t('referralServices.loading')} /> };
  if (!query.data) return { page: <ProblemAlert error={query.error} /> };
  return { provider: query.data };
}
