import { useQuery } from '@tanstack/react-query';
import type { Organisation, Unit } from '../../api/types.js';
import { fetchAll } from './admin-list.js';

/** Active organisations as select options (platform admins only; others never ask). */
export function useOrganisationOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['/api/v1/admin/organisations', 'options'],
    queryFn: async () =>
      (await fetchAll<Organisation>('/api/v1/admin/organisations')).map((organisation) => ({
        value: organisation.id,
        label: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name,
      })),
    enabled,
    staleTime: 60_000,
  });
}

/** Active units of one organisation as select options. */
export function useUnitOptions(organisationId: string | null) {
  return useQuery({
    queryKey: ['/api/v1/admin/units', 'options', organisationId],
    queryFn: async () =>
      (await fetchAll<Unit>('/api/v1/admin/units', { organisationId: organisationId ?? undefined })).map((unit) => ({
        value: unit.id,
        label: unit.name,
      })),
    enabled: organisationId !== null,
    staleTime: 30_000,
  });
}
