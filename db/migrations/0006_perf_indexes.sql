CREATE INDEX "rotation_override_person_idx" ON "rotation_override" USING btree ("person_id","starts_at");--> statement-breakpoint
CREATE INDEX "rotation_participant_person_idx" ON "rotation_participant" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "shift_record_rotation_idx" ON "shift_record" USING btree ("rotation_id","starts_at");