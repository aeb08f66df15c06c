-- Channel rights are part of the token check's cached verdict ("which channels may this token
-- read"): a change to a channel's access, its groups, a group's members or a member's role
-- announces the org on "token_state", like the triggers of migration 0003, so every process
-- drops what it cached for the org on the very next request.
CREATE TRIGGER "channels_token_state"
  AFTER INSERT OR DELETE OR UPDATE OF "access", "name", "org_id"
  ON "channels" FOR EACH ROW EXECUTE FUNCTION "notify_token_state"();
--> statement-breakpoint
CREATE TRIGGER "channel_groups_token_state"
  AFTER INSERT OR DELETE OR UPDATE
  ON "channel_groups" FOR EACH ROW EXECUTE FUNCTION "notify_token_state"();
--> statement-breakpoint
CREATE TRIGGER "group_members_token_state"
  AFTER INSERT OR DELETE OR UPDATE
  ON "group_members" FOR EACH ROW EXECUTE FUNCTION "notify_token_state"();
--> statement-breakpoint
-- Admins read every channel of their org, so a role change decides channel rights too.
DROP TRIGGER IF EXISTS "memberships_token_state" ON "memberships";
--> statement-breakpoint
CREATE TRIGGER "memberships_token_state"
  AFTER INSERT OR DELETE OR UPDATE OF "seat_assigned_at", "org_id", "user_id", "role"
  ON "memberships" FOR EACH ROW EXECUTE FUNCTION "notify_token_state"();
--> statement-breakpoint
-- A channel's served repodata is cached in memory per (channel, subdir); an upload or delete
-- changes the row, and the channel's id on "channel_content" tells every process to reload it.
-- Download counts are written to "packages", which has no trigger, so counting never reloads.
CREATE OR REPLACE FUNCTION "notify_channel_content"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('channel_content', OLD.channel_id::text);
  ELSE
    PERFORM pg_notify('channel_content', NEW.channel_id::text);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "channel_repodata_content"
  AFTER INSERT OR DELETE OR UPDATE
  ON "channel_repodata" FOR EACH ROW EXECUTE FUNCTION "notify_channel_content"();
