DROP INDEX "activity_org_created_idx";--> statement-breakpoint
CREATE INDEX "activity_org_action_idx" ON "activity" USING btree ("org_id","action","id");--> statement-breakpoint
CREATE INDEX "activity_org_target_idx" ON "activity" USING btree ("org_id","target_id","id");--> statement-breakpoint
CREATE INDEX "activity_org_target_label_idx" ON "activity" USING btree ("org_id","target_label","id");--> statement-breakpoint
CREATE INDEX "activity_org_created_idx" ON "activity" USING btree ("org_id","created_at","id");