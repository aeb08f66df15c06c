DROP INDEX "packages_channel_name_idx";--> statement-breakpoint
CREATE INDEX "users_lower_name_idx" ON "users" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "packages_channel_page_idx" ON "packages" USING btree ("channel_id","name","filename","subdir");