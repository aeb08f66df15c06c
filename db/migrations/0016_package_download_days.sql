CREATE TABLE "package_download_days" (
	"channel_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"day" date NOT NULL,
	"downloads" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "package_download_days_channel_id_name_day_pk" PRIMARY KEY("channel_id","name","day")
);
--> statement-breakpoint
ALTER TABLE "package_download_days" ADD CONSTRAINT "package_download_days_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "package_download_days_org_day_idx" ON "package_download_days" USING btree ("org_id","day");