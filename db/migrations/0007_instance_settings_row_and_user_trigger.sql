-- The settings row exists from the start. On an instance that already has accounts, the oldest
-- account that can sign in becomes the instance admin (as it would have on a fresh instance).
INSERT INTO "instance_settings" ("id", "first_admin_user_id")
SELECT 1, (SELECT "id" FROM "users" WHERE "email" IS NOT NULL ORDER BY "created_at", "id" LIMIT 1)
ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
-- Disabling or enabling an account changes whether its member tokens are valid. The token check
-- caches per org (see migration 0003), so the change announces every org the account holds a
-- token in, on the same channel; any process, any writer, even plain SQL, is noticed.
CREATE OR REPLACE FUNCTION "notify_user_token_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('token_state', o.org_id::text)
    FROM (SELECT DISTINCT "org_id" FROM "member_tokens" WHERE "user_id" = NEW.id) AS o;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "users_token_state"
  AFTER UPDATE OF "disabled_at" ON "users"
  FOR EACH ROW WHEN (OLD.disabled_at IS DISTINCT FROM NEW.disabled_at)
  EXECUTE FUNCTION "notify_user_token_state"();
