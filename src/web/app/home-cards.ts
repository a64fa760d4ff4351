import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { moduleStringsReady } from '../i18n/index.js';
import type { Capability } from './capabilities.js';

/**
 * What Home shows a signed-in person: one card per module, each saying what waits for them there.
 * A module adds its card with one entry here (its `home-card.tsx` default-exports the component);
 * cards load with their own chunk and data, and show only when `capability` is one of the person's.
 */
export interface HomeCardEntry {
  id: string;
  /** Cards are shown by ascending order. */
  order: number;
  capability?: Capability;
  Card: LazyExoticComponent<ComponentType>;
}

export const HOME_CARDS: readonly HomeCardEntry[] = [
  {
    id: 'rfis',
    order: 10,
    capability: 'message.read',
    Card: lazy(() => import('../modules/exchange/messages/rfis-home-card.js')),
  },
  {
    id: 'messages',
    order: 20,
    capability: 'message.read',
    Card: lazy(() => import('../modules/exchange/messages/home-card.js')),
  },
  { id: 'alerts', order: 30, capability: 'alert.read', Card: lazy(() => import('../modules/exchange/alerts/home-card.js')) },
  {
    id: 'review',
    order: 40,
    capability: 'knowledge.curate',
    Card: lazy(() => moduleStringsReady('knowledge').then(() => import('../modules/knowledge/review/home-card.js'))),
  },
  {
    id: 'imports',
    order: 50,
    capability: 'knowledge.curate',
    Card: lazy(() => moduleStringsReady('knowledge').then(() => import('../modules/knowledge/imports/home-card.js'))),
  },
  {
    id: 'followup',
    order: 60,
    capability: 'followup.read',
    Card: lazy(() => import('../modules/followup/commitments/home-card.js')),
  },
  {
    id: 'cases',
    order: 70,
    capability: 'case.read',
    // The referral pages' English strings come with their first page (or this card).
    Card: lazy(() => moduleStringsReady('referral').then(() => import('../modules/referral/cases/home-card.js'))),
  },
  {
    id: 'screening-hits',
    order: 80,
    capability: 'screening.review',
    Card: lazy(() => import('../modules/watchlists/home/home-card.js')),
  },
];
