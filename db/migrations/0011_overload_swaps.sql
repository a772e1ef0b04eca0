CREATE TABLE "rotation_overload" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"rotation_id" uuid NOT NULL,
	"turn_starts_at" timestamp with time zone NOT NULL,
	"turn_ends_at" timestamp with time zone NOT NULL,
	"reasons" jsonb NOT NULL,
	"turns" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "overload_turns_in_a_row" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "overload_logged_over_duty" numeric(4, 2) DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "overload_incident_limit" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "swap_request" ADD COLUMN "asked_by_id" uuid;--> statement-breakpoint
ALTER TABLE "rotation_overload" ADD CONSTRAINT "rotation_overload_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_overload" ADD CONSTRAINT "rotation_overload_rotation_id_rotation_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rotation_overload_turn_uq" ON "rotation_overload" USING btree ("rotation_id","turn_starts_at");--> statement-breakpoint
CREATE INDEX "rotation_overload_team_idx" ON "rotation_overload" USING btree ("team_id","turn_ends_at");--> statement-breakpoint
ALTER TABLE "swap_request" ADD CONSTRAINT "swap_request_asked_by_id_person_id_fk" FOREIGN KEY ("asked_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;