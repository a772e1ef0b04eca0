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
ALTER TABLE "webhook_alert_loss" ADD CONSTRAINT "webhook_alert_loss_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE no action ON UPDATE no action;