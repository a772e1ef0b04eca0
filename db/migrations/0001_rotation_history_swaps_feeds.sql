CREATE TABLE "person_calendar_feed" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_calendar_feed_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "rotation" ADD COLUMN "recorded_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "swap_request" ADD COLUMN "return_starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "swap_request" ADD COLUMN "return_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "swap_request" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "person_calendar_feed" ADD CONSTRAINT "person_calendar_feed_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rotation_calendar_token_uq" ON "rotation" USING btree ("calendar_token_hash");--> statement-breakpoint
CREATE INDEX "swap_request_rotation_idx" ON "swap_request" USING btree ("rotation_id","status");