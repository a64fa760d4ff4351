import { describe, expect, it } from 'vitest';
import { chosenDistribution, distributionValues } from './lists-api.js';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe("a list's distribution as it was chosen", () => {
  it('leaves out the organisation stored for each named unit, and keeps one named on its own', () => {
    const stored = {
      units: [{ id: id(1), name: 'Border unit' }],
      organisations: [
        { id: id(2), name: 'Police of Spain' },
        { id: id(3), name: 'Customs of Senegal' },
      ],
      sharingGroups: [{ id: id(4), name: 'Atlantic route' }],
      allPartners: false,
    };
    const chosen = chosenDistribution(stored, new Map([[id(1), id(2)]]));
    expect(chosen.organisations).toEqual([{ id: id(3), name: 'Customs of Senegal' }]);
    expect(distributionValues(chosen)).toEqual([`sharing_group:${id(4)}`, `organisation:${id(3)}`, `unit:${id(1)}`]);
    // A unit the directory does not know keeps its organisation listed.
    expect(chosenDistribution(stored, new Map()).organisations).toHaveLength(2);
  });
});
