CREATE TYPE "public"."invitation_kind" AS ENUM('link', 'join-request');--> statement-breakpoint
ALTER TYPE "public"."integration_kind" ADD VALUE 'pagerduty';--> statement-breakpoint
ALTER TYPE "public"."shift_unit" ADD VALUE 'months';--> statement-breakpoint
CREATE TABLE "invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" "invitation_kind" DEFAULT 'link' NOT NULL,
	"person_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"roles" "team_role"[] NOT NULL,
	"token_digest" text,
	"expires_at" timestamp with time zone NOT NULL,
	"invited_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "past_membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "external_user_link" (
	"team_id" uuid NOT NULL,
	"system" text NOT NULL,
	"external_user_id" text NOT NULL,
	"external_name" text NOT NULL,
	"person_id" uuid NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_user_link_team_id_system_external_user_id_pk" PRIMARY KEY("team_id","system","external_user_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_alert_loss" (
	"integration_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"alerts" bigint DEFAULT 0 NOT NULL,
	"notifications" bigint DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_group_key" text,
	CONSTRAINT "webhook_alert_loss_integration_id_reason_pk" PRIMARY KEY("integration_id","reason")
);
--> statement-breakpoint
CREATE TABLE "webhook_event" (
	"integration_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_event_integration_id_event_id_pk" PRIMARY KEY("integration_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "breach_webhook_secret" text;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "team_member" ADD COLUMN "member_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_member" ADD COLUMN "removed_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_member" ADD COLUMN "removed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "integration" ADD COLUMN "signing_secret" text;--> statement-breakpoint
ALTER TABLE "rotation" ADD COLUMN "anchor_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rotation" ADD COLUMN "anchor_index" integer;--> statement-breakpoint
ALTER TABLE "api_token" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cap_breach" ADD COLUMN "delivery_queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_invited_by_id_person_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "past_membership" ADD CONSTRAINT "past_membership_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "past_membership" ADD CONSTRAINT "past_membership_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_user_link" ADD CONSTRAINT "external_user_link_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_user_link" ADD CONSTRAINT "external_user_link_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_user_link" ADD CONSTRAINT "external_user_link_updated_by_id_person_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_alert_loss" ADD CONSTRAINT "webhook_alert_loss_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_event" ADD CONSTRAINT "webhook_event_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitation_token_digest_uq" ON "invitation" USING btree ("token_digest");--> statement-breakpoint
CREATE INDEX "invitation_team_idx" ON "invitation" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "invitation_person_idx" ON "invitation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "past_membership_team_idx" ON "past_membership" USING btree ("team_id","person_id");