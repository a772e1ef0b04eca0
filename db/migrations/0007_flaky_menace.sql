ALTER TABLE "rotation" ADD COLUMN "anchor_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rotation" ADD COLUMN "anchor_index" integer;