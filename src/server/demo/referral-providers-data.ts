import type { ProviderCreate } from '../modules/referral/services/schemas.js';
import { NGO_ES_UNITS } from './referral-organisations-data.js';

/**
 * The services the demo's cases are referred to. The Spanish NGO's shelter is entered here, by its
 * administrator (its organisation is the referral demo's own); the others are entries of the
 * services demo (referral-services-data.ts), named here as the cases refer to them.
 */
export const PROVIDER_NAMES = {
  fceShelter: 'Camino de Esperanza shelter and reintegration programme (fictional)',
  /** An entry for the whole organisation: no unit answers, the referring unit records the answers. */
  naptipShelter: 'NAPTIP shelter and reintegration service, Benin City (fictional entry)',
  redCrossFamilyLinks: 'Restoring Family Links service (Senegalese Red Cross)',
} as const;

export interface DemoProvider {
  /** The administrator who enters it (of the organisation that manages it). */
  by: string;
  organisation: string;
  unit: string;
  entry: Omit<ProviderCreate, 'kind' | 'unitId' | 'organisationId'>;
}

export const DEMO_REFERRAL_PROVIDERS: readonly DemoProvider[] = [
  {
    by: 'orgadmin.ngo-es@liaison.demo',
    organisation: 'ngo-es',
    unit: NGO_ES_UNITS.shelter,
    entry: {
      name: PROVIDER_NAMES.fceShelter,
      description:
        'Confidential shelter for women survivors of trafficking, with legal and psychosocial support and help to return home safely (fictional).',
      services: ['shelter', 'psychosocial_support', 'legal_aid', 'return_reintegration'],
      languages: ['es', 'en', 'fr'],
      openingHours: 'Every day, 24 hours (referrals by telephone first)',
      capacity: 24,
      places: [
        { country: 'ES', region: 'Comunidad de Madrid', city: 'Madrid', latitude: 40.4168, longitude: -3.7038 },
        { country: 'ES', region: 'Andalucía', city: 'Almería', latitude: 36.834, longitude: -2.4637 },
      ],
    },
  },
];
