ALTER TABLE "invitations" ADD COLUMN "role" "member_role" DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "with_seat" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "invitations_org_seat_idx" ON "invitations" USING btree ("org_id","expires_at") WHERE "invitations"."status" = 'pending' and "invitations"."with_seat";