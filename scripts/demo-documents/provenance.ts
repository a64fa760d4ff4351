/** Who made a rendered file, in its metadata, and when: fixed, so re-rendering changes no byte. */

export interface Provenance {
  author: string;
  creator: string;
}

export const DEMO_LIBRARY: Provenance = {
  author: 'Liaison demonstration library',
  creator: 'Liaison scripts/build-demo-documents.ts',
};

export const KNOWLEDGE_FIXTURES: Provenance = {
  author: 'Liaison knowledge library test fixtures',
  creator: 'Liaison scripts/build-knowledge-fixtures.ts',
};

export const BUILT = new Date('2026-01-15T09:00:00Z');
