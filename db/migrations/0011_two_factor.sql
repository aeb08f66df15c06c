CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_secret_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "require_two_factor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recovery_codes_user_code_key" ON "recovery_codes" USING btree ("user_id","code_hash");--> statement-breakpoint
-- Whether a member token is valid now also depends on the org's "Require two-factor
-- authentication" policy and on the holder's 2FA state. The token check caches per org (see
-- migration 0003) and learns changes by NOTIFY: both changes announce on the same channel.
CREATE OR REPLACE FUNCTION "notify_org_policy_token_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('token_state', NEW.id::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "organizations_two_factor_token_state"
  AFTER UPDATE OF "require_two_factor" ON "organizations"
  FOR EACH ROW WHEN (OLD.require_two_factor IS DISTINCT FROM NEW.require_two_factor)
  EXECUTE FUNCTION "notify_org_policy_token_state"();
--> statement-breakpoint
CREATE TRIGGER "users_two_factor_token_state"
  AFTER UPDATE OF "totp_enabled_at" ON "users"
  FOR EACH ROW WHEN (OLD.totp_enabled_at IS DISTINCT FROM NEW.totp_enabled_at)
  EXECUTE FUNCTION "notify_user_token_state"();
