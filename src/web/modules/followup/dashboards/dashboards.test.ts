import { describe, expect, it } from 'vitest';
import type { PlanPart } from '../../../../shared/followup/dashboards-contract.js';
import { drillTo, hrefOf, parseActionListSearch, parseIndicatorListSearch } from './drill-search.js';
import { attainmentPercent, labelIn, partGroups, totalActions } from './figures.js';

const ID = '0b6f1d4e-3c2a-4f7b-9a1e-5d6c7b8a9f01';

describe('drill-down addresses', () => {
  it('keeps the filters the lists know and drops anything else', () => {
    expect(
      parseActionListSearch({
        reference: 'CAP:objective:3',
        status: 'delayed',
        overdue: 'true',
        organisation: ID,
        page: '2',
        extra: 'x',
      }),
    ).toEqual({ reference: 'CAP:objective:3', status: 'delayed', overdue: true, organisation: ID, page: 2 });
    expect(parseActionListSearch({ plan: 'GCM', dueSoon: true })).toEqual({ plan: 'GCM', dueSoon: true });
    expect(parseIndicatorListSearch({ reference: 'GCM:9', trend: 'off_track' })).toEqual({
      reference: 'GCM:9',
      trend: 'off_track',
    });
  });

  it('refuses values the server would refuse, rather than sending them', () => {
    expect(
      parseActionListSearch({
        reference: "CAP:objective:3' OR 1=1",
        status: 'lost',
        overdue: 'yes',
        organisation: 'not-an-id',
        commitment: 42,
        page: '1',
        plan: 'XYZ',
      }),
    ).toEqual({});
    expect(parseIndicatorListSearch({ reference: 'ABC:domain:1', trend: 'sideways', page: '-3' })).toEqual({});
  });

  it('leads a part’s figure to its reference and a plan’s total to the plan', () => {
    expect(drillTo('actions', 'CAP:objective:7', { status: 'delayed' })).toEqual({
      to: '/followup/actions',
      search: { reference: 'CAP:objective:7', status: 'delayed' },
    });
    expect(drillTo('indicators', 'GCM', { trend: 'off_track' })).toEqual({
      to: '/followup/indicators',
      search: { plan: 'GCM', trend: 'off_track' },
    });
    expect(drillTo('commitments', 'MAP:domain:4')).toEqual({
      to: '/followup/commitments',
      search: { reference: 'MAP:domain:4' },
    });
    expect(hrefOf(drillTo('actions', 'CAP:domain:4', { status: 'in_progress' }))).toBe(
      '/followup/actions?reference=CAP%3Adomain%3A4&status=in_progress',
    );
    // What the chart opens is what the list page reads back.
    const href = new URL(hrefOf(drillTo('actions', 'JVAP:domain:2', { status: 'done' })), 'http://x');
    expect(parseActionListSearch(Object.fromEntries(href.searchParams))).toEqual({ reference: 'JVAP:domain:2', status: 'done' });
  });
});

const part = (reference: string, kind: string, number: number): PlanPart => ({
  reference,
  part: kind,
  number,
  label: { en: `${kind} ${number}`, fr: `${kind} ${number} (fr)`, ar: `${kind} ${number} (ar)` },
  recommendations: 0,
  followedUp: 0,
  commitments: 0,
  actions: { planned: 0, in_progress: 0, done: 0, delayed: 0, cancelled: 0 },
  indicators: { total: 0, achieved: 0, onTrack: 0, offTrack: 0, noData: 0 },
  attainment: null,
});

describe('dashboard figures', () => {
  it('groups a plan’s parts, domains before objectives before actions, each in number order', () => {
    const groups = partGroups([
      part('CAP:objective:2', 'objective', 2),
      part('CAP:domain:3', 'domain', 3),
      part('CAP:objective:1', 'objective', 1),
      part('CAP:domain:1', 'domain', 1),
    ]);
    expect(groups.map((group) => [group.part, group.rows.map((row) => row.reference)])).toEqual([
      ['domain', ['CAP:domain:1', 'CAP:domain:3']],
      ['objective', ['CAP:objective:1', 'CAP:objective:2']],
    ]);
    expect(partGroups([part('GCM:9', 'objective', 9)]).map((group) => group.part)).toEqual(['objective']);
  });

  it('adds up actions, caps attainment, and labels in the reader’s language', () => {
    expect(totalActions({ planned: 1, in_progress: 2, done: 3, delayed: 4, cancelled: 5 })).toBe(15);
    expect(attainmentPercent(null)).toBeNull();
    expect(attainmentPercent(0.456)).toBe(46);
    expect(attainmentPercent(1.7)).toBe(100);
    expect(attainmentPercent(-0.2)).toBe(0);
    const label = { en: 'Cadiz Action Plan', fr: "Plan d'action de Cadix", ar: 'خطة عمل قادس' };
    expect(labelIn(label, 'fr')).toBe("Plan d'action de Cadix");
    expect(labelIn(label, 'ar')).toBe('خطة عمل قادس');
    expect(labelIn(label, 'es')).toBe('Cadiz Action Plan');
  });
});
