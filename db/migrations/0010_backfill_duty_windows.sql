-- "Working hours only" becomes one duty window (same days, same times); the old columns are cleared so a row says it once.
UPDATE "rotation"
SET "duty_windows" = jsonb_build_array(jsonb_build_object(
      'days', to_jsonb("working_days"),
      'startMinute', "working_start_minute",
      'endMinute', "working_end_minute")),
    "working_hours_only" = false,
    "working_days" = NULL,
    "working_start_minute" = NULL,
    "working_end_minute" = NULL
WHERE "working_hours_only"
  AND "duty_windows" IS NULL
  AND "working_days" IS NOT NULL
  AND cardinality("working_days") > 0
  AND "working_start_minute" IS NOT NULL
  AND "working_end_minute" IS NOT NULL;
