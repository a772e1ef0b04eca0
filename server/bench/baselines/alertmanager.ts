import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { expandShifts } from "@/server/domain/rotations";
import { hashIntegrationSecret } from "@/server/services/integrations/integration-secret";
import { queryRows } from "../org/query-rows";

const SEVERITIES = new Set(["critical", "high", "medium", "low", "info"]);

interface RawAlert {
  status?: string;
  fingerprint?: string;
  startsAt?: string;
  endsAt?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * The baseline of the Alertmanager webhook: two SQL statements. One reads the integration and its rotation; each
 * page is credited from the recorded shifts, or after them from the rotation expanded in JS (without its covers);
 * the other stores the pages (each firing once), their audit rows and the integration's last use. No zod, no ORM,
 * no incident grouping across notifications, no per-team lock.
 */
export async function baselineAlertmanager(
  db: Db,
  secret: string,
  body: string,
): Promise<{ status: number; created: number }> {
  const [source] = await queryRows(
    db,
    sql`
    select i.id, i.team_id, r.id as rotation_id, r.role, r.time_zone, r.shift_unit, r.shift_count, r.handoff_weekday, r.handoff_minute,
      r.starts_on::text as starts_on, r.working_hours_only, r.working_days, r.working_start_minute, r.working_end_minute,
      coalesce(floor(extract(epoch from r.recorded_until) * 1000), 0) as recorded_until,
      array(select p.person_id::text from rotation_participant p where p.rotation_id = r.id order by p.position) as participants
    from integration i join team t on t.id = i.team_id left join rotation r on r.id = i.rotation_id and r.deleted_at is null
    where i.secret_hash = ${hashIntegrationSecret(secret)} and i.kind = 'alertmanager' and i.revoked_at is null and t.deleted_at is null`,
  );
  if (!source) return { status: 404, created: 0 };
  let payload: { groupKey?: string; alerts?: RawAlert[] };
  try {
    payload = JSON.parse(body) as typeof payload;
  } catch {
    return { status: 400, created: 0 };
  }
  const alerts = (payload.alerts ?? []).filter((alert) => alert.fingerprint && alert.startsAt);
  if (alerts.length === 0) return { status: 200, created: 0 };
  const starts = alerts.map((alert) => new Date(alert.startsAt ?? "").getTime());
  const recordedUntil = Number(source.recorded_until);
  const holders = new Map<number, string>();
  const tail = starts.filter((at) => at >= recordedUntil);
  if (source.rotation_id && tail.length > 0) {
    const shifts = expandShifts(
      {
        id: String(source.rotation_id),
        role: source.role as "primary",
        timeZone: String(source.time_zone),
        shiftLength: { unit: source.shift_unit as "weeks", count: Number(source.shift_count) },
        handoff: { weekday: Number(source.handoff_weekday), minute: Number(source.handoff_minute) },
        startsOn: String(source.starts_on),
        participants: Array.isArray(source.participants) ? source.participants.map(String) : [],
        dutyWindows:
          source.working_hours_only === true && Array.isArray(source.working_days)
            ? [
                {
                  days: source.working_days.map(Number),
                  startMinute: Number(source.working_start_minute),
                  endMinute: Number(source.working_end_minute),
                },
              ]
            : null,
      },
      [],
      [],
      { start: Math.min(...tail), end: Math.max(...tail) + 1 },
    );
    for (const at of tail) {
      const holder = shifts.find((shift) => shift.start <= at && at < shift.end);
      if (holder) holders.set(at, holder.personId);
    }
  }
  const ids = alerts.map(() => crypto.randomUUID());
  const head = starts.indexOf(Math.min(...starts));
  const rows = alerts.map((alert, index) => {
    const labels = alert.labels ?? {};
    const severity = (labels.severity ?? "").toLowerCase();
    const endsAt =
      alert.status === "resolved" && alert.endsAt && !alert.endsAt.startsWith("0001") ? alert.endsAt : null;
    return {
      id: ids[index],
      fingerprint: alert.fingerprint,
      starts_at: alert.startsAt,
      resolved_at: endsAt,
      alert_name: labels.alertname ?? null,
      service: labels.service ?? labels.job ?? null,
      severity: SEVERITIES.has(severity) ? severity : "medium",
      summary: alert.annotations?.summary ?? labels.alertname ?? "Alert",
      assignee: holders.get(starts[index] ?? 0) ?? null,
      is_incident: index === head,
    };
  });
  const [result] = await queryRows(
    db,
    sql`
    with alert as (
      select * from json_to_recordset(${JSON.stringify(rows)}::json) as a(id uuid, fingerprint text, starts_at timestamptz,
        resolved_at timestamptz, alert_name text, service text, severity text, summary text, assignee uuid, is_incident boolean)
    ), used as (
      update integration set last_used_at = now() where id = ${String(source.id)}::uuid
    ), page as (
      insert into interrupt (id, team_id, kind, source, alert_name, service, severity, summary, is_incident, opened_at, resolved_at,
        assignee_id, created_at, integration_id, alert_fingerprint, group_key, incident_id, capture_status)
      select a.id, ${String(source.team_id)}::uuid, 'page', 'alertmanager', a.alert_name, a.service, a.severity::severity, a.summary,
        a.is_incident, a.starts_at, a.resolved_at,
        coalesce(a.assignee, (select s.person_id from shift_record s where s.rotation_id = ${source.rotation_id ? String(source.rotation_id) : null}::uuid
                              and s.starts_at <= a.starts_at and s.ends_at > a.starts_at limit 1)),
        now(), ${String(source.id)}::uuid, a.fingerprint, ${payload.groupKey ?? ""}, ${ids[head] ?? null}::uuid, 'captured'
      from alert a
      on conflict (team_id, alert_fingerprint, opened_at) do nothing
      returning *
    ), audit as (
      insert into audit_log (actor_person_id, team_id, action, entity_type, entity_id, after)
      select null, team_id, 'interrupt.capture', 'interrupt', id::text, to_jsonb(page) from page
    )
    select count(*)::int as created from page`,
  );
  return { status: 200, created: Number(result?.created ?? 0) };
}
