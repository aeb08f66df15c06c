-- Token checks are answered from an in-process cache (lib/tokens/). Every write that can change
-- whether a member token is valid (the token itself, the membership and its seat, the org's
-- subscription) announces the org on the channel "token_state" so that every process drops
-- what it cached for that org. Done here, in the database, so that writes from any module or
-- any process (including plain SQL) are noticed. NOTIFY is delivered at commit and identical
-- payloads in one transaction are folded into one.
CREATE OR REPLACE FUNCTION "notify_token_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('token_state', OLD.org_id::text);
  ELSE
    PERFORM pg_notify('token_state', NEW.org_id::text);
    IF TG_OP = 'UPDATE' AND OLD.org_id IS DISTINCT FROM NEW.org_id THEN
      PERFORM pg_notify('token_state', OLD.org_id::text);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Usage counting updates last_used_at/use_count in batches: not listed, so it never invalidates.
CREATE TRIGGER "member_tokens_token_state"
  AFTER INSERT OR DELETE OR UPDATE OF "revoked_at", "expires_at", "token_hash", "org_id", "user_id"
  ON "member_tokens" FOR EACH ROW EXECUTE FUNCTION "notify_token_state"();
--> statement-breakpoint
CREATE TRIGGER "memberships_token_state"
  AFTER INSERT OR DELETE OR UPDATE OF "seat_assigned_at", "org_id", "user_id"
  ON "memberships" FOR EACH ROW EXECUTE FUNCTION "notify_token_state"();
--> statement-breakpoint
CREATE TRIGGER "subscriptions_token_state"
  AFTER INSERT OR DELETE OR UPDATE
  ON "subscriptions" FOR EACH ROW EXECUTE FUNCTION "notify_token_state"();
