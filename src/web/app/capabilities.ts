import { useQuery } from '@tanstack/react-query';
import type { Capability } from '../../shared/capabilities.js';
import { meQuery } from '../api/session.js';
import type { Me } from '../api/types.js';

export type { Capability };

/**
 * Whether the signed-in person's roles allow an action (`GET /api/v1/me` lists them): pages use it to
 * hide or disable what would be refused. It is a courtesy, not a guard: the server still decides
 * every request, on its record (a unit one belongs to, the unit that asked…).
 */
export function can(me: Me | null | undefined, action: Capability): boolean {
  return !!me && me.capabilities.includes(action);
}

/** `can` for the person signed in now. */
export function useCan(action: Capability): boolean {
  const { data: me } = useQuery(meQuery);
  return can(me, action);
}
