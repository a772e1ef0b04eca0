ALTER TABLE "team" ADD COLUMN "breach_webhook_secret" text;--> statement-breakpoint
ALTER TABLE "cap_breach" ADD COLUMN "delivery_queued_at" timestamp with time zone;