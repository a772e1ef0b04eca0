CREATE TYPE "public"."automation_source_kind" AS ENUM('template', 'service', 'alert');--> statement-breakpoint
CREATE TABLE "automation_estimate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"source_kind" "automation_source_kind" NOT NULL,
	"source_key" text NOT NULL,
	"build_hours" numeric(8, 2) NOT NULL,
	"maintenance_hours_per_month" numeric(8, 2) DEFAULT 0 NOT NULL,
	"automated_on" date,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "automation_estimate" ADD CONSTRAINT "automation_estimate_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_estimate" ADD CONSTRAINT "automation_estimate_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_estimate" ADD CONSTRAINT "automation_estimate_updated_by_id_person_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "automation_estimate_team_idx" ON "automation_estimate" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "automation_estimate_source_uq" ON "automation_estimate" USING btree ("team_id","source_kind","source_key") WHERE "automation_estimate"."deleted_at" is null;