-- Refreshing a materialised view needs its owner; the app runs as a runtime role that owns
-- nothing (lib/db/runtime-role.ts). This function, owned by the migrating owner, refreshes one
-- of the statistics views and nothing else; the runtime role is granted EXECUTE on it.
CREATE FUNCTION meldpost_refresh_stats_view(view_name text, concurrent boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_matviews WHERE schemaname = 'public' AND matviewname = view_name AND view_name LIKE 'stats\_%'
  ) THEN
    RAISE EXCEPTION 'geen statistiekview: %', view_name;
  END IF;
  IF concurrent THEN
    EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I', view_name);
  ELSE
    EXECUTE format('REFRESH MATERIALIZED VIEW %I', view_name);
  END IF;
END $$;

REVOKE ALL ON FUNCTION meldpost_refresh_stats_view(text, boolean) FROM PUBLIC;
