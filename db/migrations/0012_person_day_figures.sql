CREATE TABLE "person_day_figures" (
	"person_id" uuid NOT NULL,
	"day" date NOT NULL,
	"scheduled_ms" integer NOT NULL,
	"duty_ms" integer NOT NULL,
	"on_call_duty_ms" integer NOT NULL,
	"logged_ms" integer NOT NULL,
	"after_hours_ms" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_day_figures_person_id_day_pk" PRIMARY KEY("person_id","day")
);
--> statement-breakpoint
ALTER TABLE "person_day_figures" ADD CONSTRAINT "person_day_figures_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Keeping person_day_figures exact: every write that can move an engineer's accounting deletes the cached days it
-- touches, in its own transaction, whichever code path made it. Each writer first takes a shared transaction
-- advisory lock per person (class 7320453); the sweep filling the cache takes the exclusive one with a try-lock
-- before reading, so a fill never stores figures that miss a write still in flight (see fill-day-figures.ts).
CREATE FUNCTION forget_person_days(people uuid[], froms timestamptz[], tos timestamptz[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7320453, hashtext(p::text))
    FROM (SELECT DISTINCT p FROM unnest(people) AS p ORDER BY p) AS distinct_people;
  DELETE FROM person_day_figures f
    USING unnest(people, froms, tos) AS t(person_id, from_at, to_at)
    WHERE f.person_id = t.person_id
      AND f.day >= (t.from_at AT TIME ZONE 'UTC')::date
      AND f.day <= (t.to_at AT TIME ZONE 'UTC')::date;
END $$;
--> statement-breakpoint
-- Work entries, absences and recorded shifts: the time of each row written, before and after.
CREATE FUNCTION forget_days_of_work_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE people uuid[]; froms timestamptz[]; tos timestamptz[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(person_id), array_agg(starts_at), array_agg(starts_at + make_interval(mins => minutes))
      INTO people, froms, tos FROM new_rows WHERE category = 'toil';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(person_id), array_agg(starts_at), array_agg(starts_at + make_interval(mins => minutes))
      INTO people, froms, tos FROM old_rows WHERE category = 'toil';
  ELSE
    SELECT array_agg(x.person_id), array_agg(x.starts_at), array_agg(x.starts_at + make_interval(mins => x.minutes))
      INTO people, froms, tos
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.person_id, o.starts_at, o.minutes, o.category),
                                 (n.person_id, n.starts_at, n.minutes, n.category)) AS x(person_id, starts_at, minutes, category)
      WHERE x.category = 'toil'
        AND (o.person_id, o.starts_at, o.minutes, o.category, o.deleted_at)
          IS DISTINCT FROM (n.person_id, n.starts_at, n.minutes, n.category, n.deleted_at);
  END IF;
  IF people IS NOT NULL THEN PERFORM forget_person_days(people, froms, tos); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION forget_days_of_spans() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE people uuid[]; froms timestamptz[]; tos timestamptz[];
BEGIN
  -- absence and shift_record: person_id, starts_at, ends_at (an absence's deleted_at is compared on update).
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(person_id), array_agg(starts_at), array_agg(ends_at) INTO people, froms, tos FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(person_id), array_agg(starts_at), array_agg(ends_at) INTO people, froms, tos FROM old_rows;
  ELSE
    SELECT array_agg(x.person_id), array_agg(x.starts_at), array_agg(x.ends_at) INTO people, froms, tos
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.person_id, o.starts_at, o.ends_at), (n.person_id, n.starts_at, n.ends_at))
        AS x(person_id, starts_at, ends_at)
      WHERE to_jsonb(o) IS DISTINCT FROM to_jsonb(n);
  END IF;
  IF people IS NOT NULL THEN PERFORM forget_person_days(people, froms, tos); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER work_entry_forget_days_insert AFTER INSERT ON work_entry REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_days_of_work_entries();
--> statement-breakpoint
CREATE TRIGGER work_entry_forget_days_update AFTER UPDATE ON work_entry REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_days_of_work_entries();
--> statement-breakpoint
CREATE TRIGGER work_entry_forget_days_delete AFTER DELETE ON work_entry REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_days_of_work_entries();
--> statement-breakpoint
CREATE TRIGGER absence_forget_days_insert AFTER INSERT ON absence REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_days_of_spans();
--> statement-breakpoint
CREATE TRIGGER absence_forget_days_update AFTER UPDATE ON absence REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_days_of_spans();
--> statement-breakpoint
CREATE TRIGGER absence_forget_days_delete AFTER DELETE ON absence REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_days_of_spans();
--> statement-breakpoint
CREATE TRIGGER shift_record_forget_days_insert AFTER INSERT ON shift_record REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_days_of_spans();
--> statement-breakpoint
CREATE TRIGGER shift_record_forget_days_update AFTER UPDATE ON shift_record REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_days_of_spans();
--> statement-breakpoint
CREATE TRIGGER shift_record_forget_days_delete AFTER DELETE ON shift_record REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_days_of_spans();
--> statement-breakpoint
-- A rotation's settings, turn order and covers decide the shifts expanded after its recorded_until (records before
-- it never change), for anyone who takes turns in it or covers in it: their days from there on are forgotten
-- (from any cover's start for covers; all of them while nothing is recorded). Recording alone (recorded_until,
-- version, updated_at moving) changes no figure: the shift_record rows it writes forget their own days.
CREATE FUNCTION forget_rotation_days(rot_id uuid, extra uuid[], from_at timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE people uuid[]; since timestamptz;
BEGIN
  SELECT CASE WHEN r.recorded_until IS NULL THEN '-infinity' ELSE least(from_at, r.recorded_until) END INTO since
    FROM rotation r WHERE r.id = rot_id;
  SELECT array_agg(DISTINCT p) INTO people FROM (
    SELECT person_id AS p FROM rotation_participant WHERE rotation_id = rot_id
    UNION SELECT person_id FROM rotation_override WHERE rotation_id = rot_id
    UNION SELECT replaces_person_id FROM rotation_override WHERE rotation_id = rot_id
    UNION SELECT unnest(extra)) AS touched WHERE p IS NOT NULL;
  IF people IS NOT NULL THEN
    PERFORM forget_person_days(people, array_fill(coalesce(since, '-infinity'::timestamptz), ARRAY[cardinality(people)]),
      array_fill('infinity'::timestamptz, ARRAY[cardinality(people)]));
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION forget_days_of_rotation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'recorded_until' - 'version' - 'updated_at')
      = (to_jsonb(NEW) - 'recorded_until' - 'version' - 'updated_at') THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM forget_rotation_days(OLD.id, ARRAY[]::uuid[], coalesce(OLD.recorded_until, '-infinity'));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM forget_rotation_days(NEW.id, ARRAY[]::uuid[],
      CASE WHEN OLD.recorded_until IS NULL OR NEW.recorded_until IS NULL THEN '-infinity'
        ELSE least(OLD.recorded_until, NEW.recorded_until) END);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION forget_days_of_turns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM forget_rotation_days(OLD.rotation_id, ARRAY[OLD.person_id], 'infinity');
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM forget_rotation_days(NEW.rotation_id, ARRAY[NEW.person_id], 'infinity');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION forget_days_of_covers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM forget_rotation_days(OLD.rotation_id, ARRAY[OLD.person_id, OLD.replaces_person_id], OLD.starts_at);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM forget_rotation_days(NEW.rotation_id, ARRAY[NEW.person_id, NEW.replaces_person_id], NEW.starts_at);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rotation_forget_days AFTER UPDATE OR DELETE ON rotation
  FOR EACH ROW EXECUTE FUNCTION forget_days_of_rotation();
--> statement-breakpoint
CREATE TRIGGER rotation_participant_forget_days AFTER INSERT OR UPDATE OR DELETE ON rotation_participant
  FOR EACH ROW EXECUTE FUNCTION forget_days_of_turns();
--> statement-breakpoint
CREATE TRIGGER rotation_override_forget_days AFTER INSERT OR UPDATE OR DELETE ON rotation_override
  FOR EACH ROW EXECUTE FUNCTION forget_days_of_covers();
--> statement-breakpoint
-- A person's clock and work pattern place all of their scheduled time: every cached day of theirs goes.
CREATE FUNCTION forget_days_of_profile() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM forget_person_days(ARRAY[NEW.id], ARRAY['-infinity'::timestamptz], ARRAY['infinity'::timestamptz]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_forget_days AFTER UPDATE OF time_zone, work_days, work_start_minute, work_end_minute ON person
  FOR EACH ROW WHEN ((OLD.time_zone, OLD.work_days, OLD.work_start_minute, OLD.work_end_minute)
    IS DISTINCT FROM (NEW.time_zone, NEW.work_days, NEW.work_start_minute, NEW.work_end_minute))
  EXECUTE FUNCTION forget_days_of_profile();
