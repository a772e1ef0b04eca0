CREATE TYPE "public"."capture_status" AS ENUM('captured', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."integration_kind" AS ENUM('alertmanager', 'ticket-webhook');--> statement-breakpoint
CREATE TABLE "integration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"rotation_id" uuid,
	"kind" "integration_kind" NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_by_id" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "integration_id" uuid;--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "alert_fingerprint" text;--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "group_key" text;--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "incident_id" uuid;--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "capture_status" "capture_status";--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "capture_decided_by_id" uuid;--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "capture_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_rotation_id_rotation_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_revoked_by_id_person_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "integration_secret_hash_uq" ON "integration" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "integration_team_idx" ON "integration" USING btree ("team_id");--> statement-breakpoint
ALTER TABLE "interrupt" ADD CONSTRAINT "interrupt_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interrupt" ADD CONSTRAINT "interrupt_incident_id_interrupt_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."interrupt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interrupt" ADD CONSTRAINT "interrupt_capture_decided_by_id_person_id_fk" FOREIGN KEY ("capture_decided_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interrupt_alert_uq" ON "interrupt" USING btree ("team_id","alert_fingerprint","opened_at");--> statement-breakpoint
CREATE INDEX "interrupt_group_idx" ON "interrupt" USING btree ("team_id","group_key") WHERE "interrupt"."group_key" is not null;--> statement-breakpoint
CREATE INDEX "interrupt_capture_inbox_idx" ON "interrupt" USING btree ("assignee_id","opened_at") WHERE "interrupt"."capture_status" = 'captured';