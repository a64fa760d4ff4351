import { sql } from 'kysely';
import { recordFeedback } from '../modules/exchange/alerts/feedback-repository.js';
import {
  correlationKey,
  type NormaliseOptions,
  normaliseObservable,
  type ObservableKind,
} from '../modules/exchange/alerts/observables/index.js';
import { insertAlert, insertObservables } from '../modules/exchange/alerts/repository.js';
import type { Geometry } from '../modules/exchange/alerts/schemas.js';
import type { Db } from '../platform/db/database.js';
import { resolveDistribution } from '../platform/policy/visibility-filter.js';
import { account, type Target, targets } from './demo-recipients.js';

/**
 * Demo early-warning alerts: fictional routes, vessels, numbers and people along the Atlantic
 * route, the Strait of Gibraltar and the Agadez–Libya route, under several handling codes. Two
 * pairs correlate (a phone number, an IMO number); one alert has feedback and one has expired.
 * Dates are relative to today so that "active" stays true.
 */

interface DemoAlert {
  /** Issuer's demo account (`focal.ma`…): the alert goes out from their unit. */
  from: string;
  title: string;
  category: string;
  severity: string;
  /** Validity in days relative to now; `until` below zero makes an expired alert. */
  from_days: number;
  until_days: number;
  countries: string[];
  label?: string;
  geometry?: Geometry;
  description: string;
  observables: [ObservableKind, string, NormaliseOptions?][];
  handlingCode: string;
  to: Target[];
  /** Feedback by demo account: [account, verdict, comment]. */
  feedback?: [string, string, string][];
}

const ring = (...points: [number, number][]): Geometry => ({ type: 'Polygon', coordinates: [[...points, points[0]]] });
const point = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });
/** The facilitator number two alerts share (Morocco and Senegal). */
const SHARED_PHONE = '+212 661 00 11 22';
/** The IMO number two alerts share (Spain and Morocco's coordination centre). */
const SHARED_IMO = 'IMO 9074729';

export const DEMO_ALERTS: DemoAlert[] = [
  {
    from: 'focal.ma',
    title: 'Night departures of inflatable boats south of Tarfaya',
    category: 'new_route',
    severity: 'high',
    from_days: -2,
    until_days: 12,
    countries: ['MA', 'ES'],
    label: 'Atlantic route: Tarfaya to the Canary Islands',
    geometry: ring([-13.5, 27.5], [-12.5, 27.5], [-12.0, 28.2], [-13.0, 28.5]),
    description:
      'Since last week, **inflatable boats** leave beaches south of Tarfaya between 02:00 and 04:00.\n\n' +
      '- Groups of 40 to 55 people\n- Departures announced the same evening by phone\n- Fuel stored in the dunes',
    observables: [
      ['phone', SHARED_PHONE],
      ['handle', '@canary_crossings_demo', { platform: 'telegram' }],
      ['vessel_name', 'Amal 3'],
    ],
    handlingCode: 'TLP:AMBER',
    to: [{ group: 'Atlantic route border units' }],
    feedback: [
      ['focal.es', 'acted_on', 'Maritime patrols reinforced off Lanzarote for the coming nights.'],
      ['focal.sn', 'useful', 'The same number appears in our pirogue investigation.'],
    ],
  },
  {
    from: 'focal.es',
    title: 'Cargo vessel suspected of transferring migrants off the Canary Islands',
    category: 'vessel_of_interest',
    severity: 'critical',
    from_days: -1,
    until_days: 6,
    countries: ['ES', 'MA', 'MR'],
    label: 'Canary Islands, south-west approach',
    geometry: point(-15.4, 27.6),
    description: 'A cargo vessel was seen stopping at sea and meeting small boats. Please report any sighting.',
    observables: [
      ['vessel_imo', SHARED_IMO],
      ['vessel_name', 'Demo Star'],
    ],
    handlingCode: 'TLP:AMBER',
    to: ['all'],
  },
  {
    from: 'focal.sn',
    title: 'Pirogue departures from Saint-Louis and Mbour',
    category: 'new_route',
    severity: 'high',
    from_days: -3,
    until_days: 20,
    countries: ['SN', 'MR', 'ES'],
    label: 'Atlantic route: Senegalese coast',
    geometry: ring([-17.6, 14.5], [-16.9, 14.2], [-16.3, 16.0], [-16.6, 16.1]),
    description: 'Large pirogues are being prepared in Saint-Louis and Mbour. Passengers are given a Moroccan number to call.',
    observables: [
      ['phone', SHARED_PHONE],
      ['url', 'https://example.org/crossing-offer?utm_source=demo'],
      ['email', 'crossings.demo@example.org'],
    ],
    handlingCode: 'TLP:GREEN',
    to: [{ group: 'Rabat Process partners' }],
  },
  {
    from: 'focal.ne',
    title: 'Convoys on the Agadez–Libya route using new desert tracks',
    category: 'new_route',
    severity: 'medium',
    from_days: -5,
    until_days: 25,
    countries: ['NE', 'LY'],
    label: 'Agadez–Libya route',
    geometry: ring([7.9, 16.9], [9.0, 17.0], [12.0, 20.5], [13.5, 22.5], [12.5, 23.0], [8.5, 18.5]),
    description: 'Pick-up convoys avoid the usual checkpoints and travel by night along tracks east of the main road.',
    observables: [
      ['vehicle_plate', 'AG 4821 DEMO', { country: 'NE' }],
      ['phone', '+227 90 00 00 01'],
    ],
    handlingCode: 'TLP:GREEN',
    to: ['all'],
  },
  {
    from: 'focal.ne',
    title: 'Forged travel documents sold in Gao and Agadez',
    category: 'document_fraud',
    severity: 'high',
    from_days: -40,
    until_days: -2,
    countries: ['ML', 'NE'],
    label: 'Gao–Agadez corridor',
    geometry: point(0.05, 16.27),
    description: 'A series of forged passports with numbers starting ML-A12 was offered to travellers.',
    observables: [
      ['document_pattern', 'ML-A12****'],
      ['name', 'Karim Exemple'],
    ],
    handlingCode: 'TLP:AMBER',
    to: ['all'],
  },
  {
    from: 'focal.es',
    title: 'Strait of Gibraltar: jet-ski crossings at dawn',
    category: 'modus_operandi',
    severity: 'medium',
    from_days: 0,
    until_days: 30,
    countries: ['ES', 'MA'],
    label: 'Strait of Gibraltar',
    geometry: ring([-6.0, 35.8], [-5.3, 35.8], [-5.3, 36.1], [-6.0, 36.1]),
    description: 'Jet-skis carry two or three passengers across the strait at dawn. The crossing takes under an hour.',
    observables: [['handle', '@jetski_strait_demo', { platform: 'instagram' }]],
    handlingCode: 'TLP:CLEAR',
    to: ['all'],
  },
  {
    from: 'analyst.ma',
    title: 'Facilitator network recruiting on social media in Nouadhibou',
    category: 'facilitator_network',
    severity: 'high',
    from_days: -1,
    until_days: 14,
    countries: ['MR', 'MA'],
    label: 'Nouadhibou',
    geometry: point(-17.03, 20.93),
    description: 'A network recruits passengers through short videos and arranges boarding on the vessel below.',
    observables: [
      ['email', 'recruiter.demo@example.org'],
      ['handle', '@nouadhibou_trips_demo', { platform: 'tiktok' }],
      ['vessel_imo', SHARED_IMO],
    ],
    handlingCode: 'TLP:RED',
    to: [{ unit: ['CGEF', 'Unit against illegal immigration networks'] }],
  },
  {
    from: 'focal.sn',
    title: 'Unaccompanied minors at risk in transit at Dakar airport',
    category: 'persons_at_risk',
    severity: 'critical',
    from_days: 0,
    until_days: 10,
    countries: ['SN'],
    label: 'Blaise Diagne International Airport',
    geometry: point(-17.07, 14.67),
    description: 'Minors travelling alone were met by unknown adults in the transit area. Screen arrivals with care.',
    observables: [['url', 'https://example.org/travel-help-demo']],
    handlingCode: 'TLP:AMBER+STRICT',
    to: [{ organisation: 'CGEF' }, { organisation: 'DMSF' }],
  },
];

/** Loads the demo alerts once; a second call finds them and does nothing. Returns how many it added. */
export async function seedAlerts(db: Db): Promise<number> {
  const titles = DEMO_ALERTS.map((alert) => alert.title);
  const existing = await sql<{ n: number }>`select count(*)::int as n from alerts where title = any(${titles}::text[])`.execute(
    db,
  );
  if (existing.rows[0].n > 0) return 0;
  const day = 86_400_000;
  for (const demo of DEMO_ALERTS) {
    const sender = await account(db, demo.from);
    const id = await insertAlert(db, {
      title: demo.title,
      category: demo.category,
      severity: demo.severity,
      validFrom: new Date(Date.now() + demo.from_days * day).toISOString(),
      validUntil: new Date(Date.now() + demo.until_days * day).toISOString(),
      areaCountries: demo.countries,
      areaLabel: demo.label ?? null,
      areaGeometry: demo.geometry ?? null,
      description: demo.description,
      senderUserId: sender.id,
      handlingCode: demo.handlingCode,
      originatorUnitId: sender.unit_id,
      originatorOrganisationId: sender.organisation_id,
      distribution: await resolveDistribution(db, await targets(db, demo.to)),
    });
    const observables = demo.observables.map(([kind, value, options]) => {
      const result = normaliseObservable(kind, value, options);
      if (!result.ok) throw new Error(`demo alert "${demo.title}": ${result.reason}`);
      const { ok: _ok, ...observable } = result;
      return { ...observable, key: correlationKey(observable) };
    });
    await insertObservables(db, id, observables);
    // Issued when it became valid, so the demo lists read in a plausible order.
    await sql`update alerts set created_at = valid_from, updated_at = valid_from where id = ${id}`.execute(db);
    for (const [by, verdict, comment] of demo.feedback ?? []) {
      const giver = await account(db, by);
      await recordFeedback(db, { alertId: id, unitId: giver.unit_id, userId: giver.id, verdict, comment });
    }
  }
  return DEMO_ALERTS.length;
}
