CREATE TABLE "instance_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"sign_up_mode" text DEFAULT 'open' NOT NULL,
	"allowed_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"org_creators" text DEFAULT 'anyone' NOT NULL,
	"self_service_purchase" boolean DEFAULT true NOT NULL,
	"first_admin_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instance_settings_singleton" CHECK ("instance_settings"."id" = 1),
	CONSTRAINT "instance_settings_sign_up_mode" CHECK ("instance_settings"."sign_up_mode" in ('open', 'invite_only', 'allowed_domains')),
	CONSTRAINT "instance_settings_org_creators" CHECK ("instance_settings"."org_creators" in ('anyone', 'instance_admins'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;