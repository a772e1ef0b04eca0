-- Existing teams count periods on their first manager's zone (new teams take their creator's).
UPDATE "team" t SET "time_zone" = m.tz FROM (
  SELECT DISTINCT ON (tm.team_id) tm.team_id, p.time_zone AS tz
  FROM "team_member" tm JOIN "person" p ON p.id = tm.person_id
  WHERE tm.role = 'manager' AND p.deleted_at IS NULL
  ORDER BY tm.team_id, tm.created_at, p.id) m
WHERE t.id = m.team_id AND t.time_zone = 'UTC';
