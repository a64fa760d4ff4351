-- The sharing rule (docs/ARCHITECTURE.md, "Sharing rules") written once in SQL: every read path's
-- filter (visibleTo in src/server/platform/policy/visibility-filter.ts) and the delivery triggers
-- call it. Its TypeScript twin is isVisibleTo (src/shared/visibility.ts); the integration test
-- test/integration/sharing-rule.int.test.ts keeps the two equal over every code, distribution and viewer.
--
-- It is one SQL expression, immutable, without SECURITY DEFINER or SET, so PostgreSQL inlines it into
-- the query that calls it: the planner sees the plain conditions, with their statistics and indexes,
-- as if written out. The viewer's arguments are constants of the query (bound parameters), so the
-- guards on them fold away when the query is planned: the public (no organisation, no units, no
-- groups) is left with `handling_code = 'TLP:CLEAR'`, a signed-in viewer with the four conditions.
-- The public passes a null organisation; units and groups it does not have are empty arrays.
-- The answer is never null, so the rule may be negated or compared safely.
create function liaison_visible(
  handling_code text,
  originator_unit uuid,
  originator_organisation uuid,
  recipient_units uuid[],
  recipient_organisations uuid[],
  recipient_sharing_groups uuid[],
  to_all_partners boolean,
  viewer_organisation uuid,
  viewer_units uuid[],
  viewer_groups uuid[]
) returns boolean
language sql immutable parallel safe
as $$
  select handling_code = 'TLP:CLEAR'
    -- TLP:RED and beyond: the originating unit and the named recipient units.
    or (cardinality(coalesce(viewer_units, '{}')) > 0 and (
      (originator_unit is not null and originator_unit = any(viewer_units))
      or recipient_units && viewer_units))
    -- TLP:AMBER+STRICT, TLP:AMBER and TLP:GREEN: the organisations that received it.
    or (handling_code <> 'TLP:RED' and viewer_organisation is not null and (
      originator_organisation = viewer_organisation
      or viewer_organisation = any(recipient_organisations)
      or to_all_partners
      or (cardinality(coalesce(viewer_groups, '{}')) > 0 and recipient_sharing_groups && viewer_groups)))
$$;

-- A unit may see a message as a viewer with just that unit, its organisation and the organisation's
-- active sharing groups would (same signature as in 0011, now through the one rule).
create or replace function unit_may_see_message(p_unit uuid, p_organisation uuid, m messages) returns boolean
language sql stable as $$
  select liaison_visible(m.handling_code, m.originator_unit_id, m.originator_organisation_id, m.recipient_units,
    m.recipient_organisations, m.recipient_sharing_groups, m.to_all_partners, p_organisation, array[p_unit],
    array(select g.sharing_group_id from sharing_group_members g
      join sharing_groups sg on sg.id = g.sharing_group_id and sg.active
      where g.organisation_id = p_organisation))
$$;
