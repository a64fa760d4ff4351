import type { ProviderCreate } from '../modules/referral/services/schemas.js';
import { NG_UNITS, NGO_ES_UNITS } from './referral-organisations-data.js';

/**
 * The services the demo's cases are referred to: units of the story's organisations, entered in the
 * directory by their organisation administrators. Each answers its referrals through a case worker
 * of its unit. The names are what the demo's cases refer to.
 */
export const PROVIDER_NAMES = {
  fceShelter: 'Camino de Esperanza shelter and reintegration programme',
  naptipShelter: 'NAPTIP shelter and reintegration, Lagos',
  redCrossFamilyLinks: 'Senegalese Red Cross restoring family links',
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
  {
    by: 'orgadmin.ng@liaison.demo',
    organisation: 'ng',
    unit: NG_UNITS.reintegration,
    entry: {
      name: PROVIDER_NAMES.naptipShelter,
      description: 'Shelter, counselling and reintegration of survivors of trafficking returning to Nigeria.',
      services: ['shelter', 'return_reintegration', 'psychosocial_support', 'medical_care', 'legal_aid'],
      languages: ['en', 'yo', 'ig', 'ha'],
      openingHours: 'Monday to Friday, 08:00–17:00; emergencies at any time',
      capacity: 60,
      places: [
        { country: 'NG', region: 'Lagos', city: 'Lagos', latitude: 6.5244, longitude: 3.3792 },
        { country: 'NG', region: 'Edo', city: 'Benin City', latitude: 6.335, longitude: 5.6037 },
      ],
    },
  },
  {
    by: 'orgadmin.ngo@liaison.demo',
    organisation: 'ngo',
    unit: 'Restoring family links',
    entry: {
      name: PROVIDER_NAMES.redCrossFamilyLinks,
      description: 'Tracing of family members separated by migration, messages between relatives, reunification.',
      services: ['family_tracing', 'psychosocial_support'],
      languages: ['fr', 'wo', 'en'],
      openingHours: 'Monday to Friday, 09:00–16:00',
      capacity: null,
      places: [
        { country: 'SN', region: 'Dakar', city: 'Dakar', latitude: 14.7167, longitude: -17.4677 },
        { country: 'SN', region: 'Tambacounda', city: 'Tambacounda', latitude: 13.7707, longitude: -13.6673 },
      ],
    },
  },
];
