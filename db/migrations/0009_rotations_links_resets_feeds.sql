CREATE TABLE "rotation_calendar_feed" (
	"person_id" uuid NOT NULL,
	"rotation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reset_at" timestamp with time zone,
	CONSTRAINT "rotation_calendar_feed_person_id_rotation_id_pk" PRIMARY KEY("person_id","rotation_id"),
	CONSTRAINT "rotation_calendar_feed_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "password_reset" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"token_digest" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"issued_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "password_reset_token_digest_unique" UNIQUE("token_digest")
);
--> statement-breakpoint
DROP INDEX "rotation_calendar_token_uq";--> statement-breakpoint
ALTER TABLE "external_user_link" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "person_calendar_feed" ADD COLUMN "reset_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rotation" ADD COLUMN "duty_windows" jsonb;--> statement-breakpoint
ALTER TABLE "rotation" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "rotation_calendar_feed" ADD CONSTRAINT "rotation_calendar_feed_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_calendar_feed" ADD CONSTRAINT "rotation_calendar_feed_rotation_id_rotation_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_issued_by_id_person_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_reset_person_idx" ON "password_reset" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "rotation" DROP COLUMN "calendar_token_hash";