ALTER TABLE "rotation" ADD COLUMN "duty_windows" jsonb;--> statement-breakpoint
ALTER TABLE "rotation" ADD COLUMN "ends_on" date;