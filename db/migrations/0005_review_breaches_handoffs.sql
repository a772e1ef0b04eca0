CREATE TYPE "public"."cap_kind" AS ENUM('toil', 'on-call');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sent', 'failed', 'none');--> statement-breakpoint
CREATE TABLE "webhook_request_count" (
	"integration_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_request_count_integration_id_outcome_pk" PRIMARY KEY("integration_id","outcome")
);
--> statement-breakpoint
CREATE TABLE "alert_silence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"alert_name" text NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"fix_url" text,
	"reason" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "handoff_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"rotation_id" uuid NOT NULL,
	"shift_starts_at" timestamp with time zone NOT NULL,
	"shift_ends_at" timestamp with time zone NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cap_breach" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" "cap_kind" NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"share" numeric(6, 4) NOT NULL,
	"cap" numeric(4, 3) NOT NULL,
	"projected" boolean DEFAULT false NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivery_status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"delivery_attempts" integer DEFAULT 0 NOT NULL,
	"delivery_error" text,
	"delivered_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "breach_webhook_url" text;--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "cause" text;--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "fix_url" text;--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "reviewed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "interrupt" ADD COLUMN "silence_id" uuid;--> statement-breakpoint
ALTER TABLE "webhook_request_count" ADD CONSTRAINT "webhook_request_count_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_silence" ADD CONSTRAINT "alert_silence_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_silence" ADD CONSTRAINT "alert_silence_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_note" ADD CONSTRAINT "handoff_note_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_note" ADD CONSTRAINT "handoff_note_rotation_id_rotation_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_note" ADD CONSTRAINT "handoff_note_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cap_breach" ADD CONSTRAINT "cap_breach_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cap_breach" ADD CONSTRAINT "cap_breach_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_silence_team_alert_idx" ON "alert_silence" USING btree ("team_id","alert_name","until");--> statement-breakpoint
CREATE INDEX "handoff_note_rotation_idx" ON "handoff_note" USING btree ("rotation_id","shift_ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cap_breach_once_uq" ON "cap_breach" USING btree ("team_id","person_id","kind","period_start");--> statement-breakpoint
CREATE INDEX "cap_breach_team_idx" ON "cap_breach" USING btree ("team_id","detected_at");--> statement-breakpoint
CREATE INDEX "cap_breach_person_idx" ON "cap_breach" USING btree ("person_id","detected_at");--> statement-breakpoint
ALTER TABLE "interrupt" ADD CONSTRAINT "interrupt_reviewed_by_id_person_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interrupt" ADD CONSTRAINT "interrupt_silence_id_alert_silence_id_fk" FOREIGN KEY ("silence_id") REFERENCES "public"."alert_silence"("id") ON DELETE no action ON UPDATE no action;