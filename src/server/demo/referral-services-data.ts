import type { ProviderKind, ServiceType } from '../../shared/referral/vocabulary.js';

/**
 * The demo services directory: providers along the Atlantic and Central Mediterranean routes, of
 * the kinds a case worker refers to (public hospitals, child-protection services, asylum offices,
 * shelters, legal aid clinics, psychosocial centres, Red Cross family links, return and
 * reintegration desks). Names are FICTIONAL or describe a public institution type; no person is
 * named. Organisations and units are found by acronym and name when they exist; an entry whose
 * organisation is not (yet) on the platform is seeded as an independent provider.
 */
export interface DemoPlace {
  country: string;
  region?: string;
  city?: string;
  /** Omitted: the map draws the place at its country's centre. */
  at?: [latitude: number, longitude: number];
}

export interface DemoProvider {
  name: string;
  kind: ProviderKind;
  /** Acronym of the managing organisation; the secretariat (RPS) when it is not on the platform. */
  managedBy: string;
  /** Acronym of the organisation it is (kinds `organisation` and `unit`). */
  organisation?: string;
  /** Name of the unit it is (kind `unit`). */
  unit?: string;
  /** Title of a function of the directory to write to. */
  contactFunction?: string;
  description: string;
  services: ServiceType[];
  languages: string[];
  openingHours: string;
  capacity: number | null;
  places: DemoPlace[];
}

export const DEMO_PROVIDERS: readonly DemoProvider[] = [
  // Morocco
  {
    name: 'Centre Espoir Médina (fictional)',
    kind: 'independent',
    managedBy: 'DMSF',
    description: 'Psychosocial centre for women and girls in the old town: listening, group support, referral to care.',
    services: ['psychosocial_support', 'medical_care'],
    languages: ['ar', 'fr', 'es'],
    openingHours: 'Mon–Sat 09:00–18:00',
    capacity: 25,
    places: [{ country: 'MA', region: 'Tanger-Tétouan-Al Hoceïma', city: 'Tangier', at: [35.785, -5.812] }],
  },
  {
    name: 'Provincial public hospital, victims reception unit — Oujda (fictional entry)',
    kind: 'independent',
    managedBy: 'DMSF',
    description: 'Emergency and forensic care for persons found at the eastern border; interpreters on call.',
    services: ['medical_care'],
    languages: ['ar', 'fr'],
    openingHours: '24/7 (emergencies)',
    capacity: null,
    places: [{ country: 'MA', region: 'Oriental', city: 'Oujda', at: [34.682, -1.908] }],
  },
  {
    name: 'Clinique juridique Droits et Migrations (fictional)',
    kind: 'independent',
    managedBy: 'DMSF',
    description: 'Legal aid clinic: residence, asylum applications, complaints of trafficking victims.',
    services: ['legal_aid', 'international_protection'],
    languages: ['ar', 'fr', 'en'],
    openingHours: 'Mon–Fri 09:00–17:00',
    capacity: 40,
    places: [{ country: 'MA', region: 'Rabat-Salé-Kénitra', city: 'Rabat', at: [34.02, -6.835] }],
  },
  {
    name: 'Maison d’accueil Al Amal (fictional shelter)',
    kind: 'independent',
    managedBy: 'DMSF',
    description: 'Shelter for women with children; stays of up to three months.',
    services: ['shelter', 'psychosocial_support', 'child_protection'],
    languages: ['ar', 'fr'],
    openingHours: '24/7',
    capacity: 18,
    places: [{ country: 'MA', region: 'Casablanca-Settat', city: 'Casablanca', at: [33.573, -7.589] }],
  },
  {
    name: 'National anti-smuggling unit — victims liaison',
    kind: 'unit',
    managedBy: 'DMSF',
    organisation: 'DMSF',
    unit: 'National anti-smuggling unit',
    contactFunction: 'National anti-smuggling focal point',
    description: 'Takes referrals of smuggled persons who may be victims and links them to protection services.',
    services: ['international_protection', 'family_tracing'],
    languages: ['ar', 'fr', 'es'],
    openingHours: 'Mon–Fri 08:30–16:30',
    capacity: null,
    places: [{ country: 'MA', city: 'Rabat', at: [34.0, -6.85] }],
  },
  // Spain
  {
    name: 'Casa Refugio Atlántica (fictional NGO shelter)',
    kind: 'independent',
    managedBy: 'CGEF',
    description:
      'Spanish NGO shelter for survivors of trafficking for sexual exploitation: safe housing, psychological care, legal accompaniment, preparation of voluntary return.',
    services: ['shelter', 'psychosocial_support', 'legal_aid', 'return_reintegration'],
    languages: ['es', 'en', 'fr', 'pt'],
    openingHours: '24/7 (hotline); office Mon–Fri 09:00–19:00',
    capacity: 22,
    places: [
      { country: 'ES', region: 'Comunidad de Madrid', city: 'Madrid', at: [40.416, -3.703] },
      { country: 'ES', region: 'Andalucía', city: 'Algeciras', at: [36.13, -5.453] },
    ],
  },
  {
    name: 'Asylum and refugee office, reception point Melilla (fictional entry)',
    kind: 'independent',
    managedBy: 'CGEF',
    description: 'Registers applications for international protection at the border crossing; information in several languages.',
    services: ['international_protection', 'legal_aid'],
    languages: ['es', 'ar', 'fr', 'en'],
    openingHours: 'Mon–Fri 08:00–15:00',
    capacity: null,
    places: [{ country: 'ES', city: 'Melilla', at: [35.292, -2.938] }],
  },
  {
    name: 'Child protection service of the Canary Islands (fictional entry)',
    kind: 'independent',
    managedBy: 'CGEF',
    description: 'Guardianship and reception of unaccompanied children arriving by sea; age assessment follow-up.',
    services: ['child_protection', 'shelter'],
    languages: ['es', 'fr', 'en', 'ar'],
    openingHours: '24/7',
    capacity: 150,
    places: [
      { country: 'ES', region: 'Canarias', city: 'Las Palmas de Gran Canaria', at: [28.124, -15.43] },
      { country: 'ES', region: 'Canarias', city: 'Santa Cruz de Tenerife', at: [28.464, -16.252] },
    ],
  },
  {
    name: 'Hospital Universitario del Estrecho (fictional)',
    kind: 'independent',
    managedBy: 'CGEF',
    description: 'Public hospital: emergency care, sexual and reproductive health, forensic examination on request.',
    services: ['medical_care'],
    languages: ['es', 'en'],
    openingHours: '24/7',
    capacity: null,
    places: [{ country: 'ES', region: 'Andalucía', city: 'Cádiz', at: [36.516, -6.28] }],
  },
  // Senegal
  {
    name: 'Restoring Family Links service (Senegalese Red Cross)',
    kind: 'unit',
    managedBy: 'CRS',
    organisation: 'CRS',
    unit: 'Restoring family links',
    contactFunction: 'Protection contact',
    description: 'Tracing requests, Red Cross messages and phone calls to restore contact between separated family members.',
    services: ['family_tracing', 'psychosocial_support'],
    languages: ['fr', 'wo', 'en'],
    openingHours: 'Mon–Fri 08:00–17:00',
    capacity: null,
    places: [
      { country: 'SN', region: 'Dakar', city: 'Dakar', at: [14.693, -17.447] },
      { country: 'SN', region: 'Saint-Louis', city: 'Saint-Louis', at: [16.027, -16.489] },
    ],
  },
  {
    name: 'Migrant assistance desk (Senegalese Red Cross)',
    kind: 'unit',
    managedBy: 'CRS',
    organisation: 'CRS',
    unit: 'Migrant assistance desk',
    contactFunction: 'Protection contact',
    description: 'First aid, basic needs and orientation for returned and stranded migrants.',
    services: ['medical_care', 'psychosocial_support', 'return_reintegration'],
    languages: ['fr', 'wo'],
    openingHours: 'Every day 08:00–20:00',
    capacity: 30,
    places: [{ country: 'SN', region: 'Tambacounda', city: 'Tambacounda', at: [13.77, -13.667] }],
  },
  {
    name: 'Centre de protection de l’enfance Keur Yakaar (fictional)',
    kind: 'independent',
    managedBy: 'DPAF',
    description: 'Reception and protection of children in street situations and children identified at the airport.',
    services: ['child_protection', 'shelter', 'family_tracing'],
    languages: ['fr', 'wo'],
    openingHours: '24/7',
    capacity: 35,
    places: [{ country: 'SN', region: 'Dakar', city: 'Pikine', at: [14.755, -17.39] }],
  },
  {
    name: 'Boutique de droit Médina (fictional legal aid clinic)',
    kind: 'independent',
    managedBy: 'DPAF',
    description: 'Free legal advice and accompaniment of victims in criminal proceedings.',
    services: ['legal_aid'],
    languages: ['fr', 'wo'],
    openingHours: 'Tue–Sat 09:00–16:00',
    capacity: null,
    places: [{ country: 'SN', region: 'Dakar', city: 'Dakar', at: [14.68, -17.455] }],
  },
  {
    name: 'Return and reintegration desk Dakar (fictional, AVRR)',
    kind: 'independent',
    managedBy: 'DPAF',
    description: 'Assisted voluntary return and reintegration counselling; reintegration plans and small grants.',
    services: ['return_reintegration', 'family_tracing'],
    languages: ['fr', 'wo', 'en'],
    openingHours: 'Mon–Fri 09:00–17:00',
    capacity: null,
    places: [{ country: 'SN', region: 'Dakar', city: 'Dakar', at: [14.716, -17.467] }],
  },
  // Niger
  {
    name: 'Centre de transit Agadez (fictional, AVRR)',
    kind: 'independent',
    managedBy: 'DST',
    description: 'Transit centre for migrants wishing to return: shelter, health screening, return arrangements.',
    services: ['shelter', 'medical_care', 'return_reintegration'],
    languages: ['fr', 'ha', 'en'],
    openingHours: '24/7',
    capacity: 400,
    places: [{ country: 'NE', region: 'Agadez', city: 'Agadez', at: [16.974, 7.991] }],
  },
  {
    name: 'Regional child protection service Niamey (fictional entry)',
    kind: 'independent',
    managedBy: 'DST',
    description: 'Public child protection service: unaccompanied and separated children, family tracing with partners.',
    services: ['child_protection', 'family_tracing'],
    languages: ['fr', 'ha'],
    openingHours: 'Mon–Fri 08:00–17:30',
    capacity: null,
    places: [{ country: 'NE', region: 'Niamey' }],
  },
  // Nigeria
  {
    name: 'NAPTIP shelter and reintegration service, Benin City (fictional entry)',
    kind: 'organisation',
    managedBy: 'NAPTIP',
    organisation: 'NAPTIP',
    description:
      'The national anti-trafficking agency’s shelter and reintegration service: reception of returned survivors, counselling, vocational training and family mediation.',
    services: ['return_reintegration', 'shelter', 'psychosocial_support', 'medical_care'],
    languages: ['en', 'yo', 'ig', 'ha'],
    openingHours: 'Mon–Fri 08:00–17:00; shelter 24/7',
    capacity: 60,
    places: [
      { country: 'NG', region: 'Edo', city: 'Benin City', at: [6.335, 5.627] },
      { country: 'NG', region: 'Lagos', city: 'Lagos', at: [6.524, 3.379] },
    ],
  },
  {
    name: 'Survivors’ legal aid clinic Lagos (fictional)',
    kind: 'independent',
    managedBy: 'NAPTIP',
    description: 'Pro bono lawyers for survivors: compensation claims, witness support.',
    services: ['legal_aid'],
    languages: ['en', 'yo'],
    openingHours: 'Mon–Fri 09:00–16:00',
    capacity: null,
    places: [{ country: 'NG', region: 'Lagos', city: 'Lagos', at: [6.455, 3.394] }],
  },
  // Mali and Côte d'Ivoire
  {
    name: 'Centre d’accueil et d’orientation Gao (fictional)',
    kind: 'independent',
    managedBy: 'RPS',
    description: 'Reception and orientation of migrants in transit and returnees; health referral.',
    services: ['shelter', 'return_reintegration', 'medical_care'],
    languages: ['fr', 'bm'],
    openingHours: 'Every day 08:00–18:00',
    capacity: 80,
    places: [{ country: 'ML', region: 'Gao', city: 'Gao', at: [16.272, -0.045] }],
  },
  {
    name: 'Centre de prise en charge psychosociale Abidjan (fictional)',
    kind: 'independent',
    managedBy: 'RPS',
    description: 'Psychosocial care for returned children and young adults, with family mediation.',
    services: ['psychosocial_support', 'child_protection', 'family_tracing'],
    languages: ['fr', 'en'],
    openingHours: 'Mon–Fri 08:00–17:00',
    capacity: 20,
    places: [{ country: 'CI', city: 'Abidjan', at: [5.36, -4.008] }],
  },
];
