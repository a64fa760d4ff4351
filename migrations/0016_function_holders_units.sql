-- A person who holds a function of the directory works in its unit for as long as they hold it:
-- a successor named to "the national anti-smuggling focal point" finds the unit's inbox and its
-- history at once, and a predecessor whose period has ended no longer does (unless they are also a
-- member of the unit). Units of a user = unit memberships, then units of functions held today.
create function user_unit_ids(p_user uuid) returns uuid[] language sql stable as $$
  -- Units the user is a member of come first (the default unit of their mailbox), then by name.
  select coalesce(array_agg(unit_id order by only_by_function, name, unit_id), '{}') from (
    select held.unit_id, bool_and(held.by_function) as only_by_function, min(un.name) as name
    from (
      select uu.unit_id, false as by_function from user_units uu where uu.user_id = p_user
      union all
      select f.unit_id, true from function_holders h join unit_functions f on f.id = h.function_id
        where h.user_id = p_user and f.active
          and h.starts_on <= current_date and (h.ends_on is null or h.ends_on >= current_date)
    ) held
    join units un on un.id = held.unit_id and un.active
    group by held.unit_id
  ) units_of_user
$$;

create or replace function resolve_actor(p_kind text, p_hash text)
returns table (
  id uuid, email text, display_name text, organisation_id uuid, locale text, totp_enabled boolean,
  roles text[], unit_ids text[], sharing_group_ids text[], organisation json, units json,
  token_roles text[], token_id uuid, token_last_used_at timestamptz
) language plpgsql stable as $$
#variable_conflict use_column
declare
  v_user uuid;
  v_token_roles text[];
  v_token_id uuid;
  v_last_used timestamptz;
begin
  if p_kind = 'session' then
    select s.user_id into v_user from sessions s
      where s.token_hash = p_hash and s.ended_at is null and s.expires_at > now();
  else
    select t.user_id, t.roles, t.id, t.last_used_at into v_user, v_token_roles, v_token_id, v_last_used
      from api_tokens t where t.token_hash = p_hash and t.revoked_at is null and t.expires_at > now();
  end if;
  if v_user is null then
    return;
  end if;
  -- Only active users of active organisations resolve: deactivation ends every session at once.
  return query
    select u.id, u.email, u.display_name, u.organisation_id, u.locale, u.totp_enabled_at is not null,
      array(select r.role from user_roles r where r.user_id = u.id order by r.role)::text[],
      user_unit_ids(u.id)::text[],
      array(select m.sharing_group_id from sharing_group_members m join sharing_groups g on g.id = m.sharing_group_id
            where m.organisation_id = u.organisation_id and g.active order by m.sharing_group_id)::text[],
      json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym, 'country', o.country, 'kind', o.kind),
      coalesce((select json_agg(json_build_object('id', un.id, 'name', un.name) order by un.name)
        from units un where un.id = any(user_unit_ids(u.id))), '[]'::json),
      v_token_roles, v_token_id, v_last_used
    from users u join organisations o on o.id = u.organisation_id
    where u.id = v_user and u.active and o.active;
end;
$$;
