import type { Metadata } from "next";
import Link from "next/link";
import { signedInCaller } from "@/server/trpc/server";
import { auditLogInput } from "@/server/schemas/access";
import { issuesText } from "@/server/schemas/issue-text";
import { EmptyState } from "@/app/_components/empty-state";
import { localDateTime } from "@/app/_lib/format";
import { scrollRegion } from "@/app/_components/scroll-region";

export const metadata: Metadata = { title: "Audit log" };

type Search = { actor?: string; action?: string; from?: string; to?: string };

/** Settings → Audit log (admins): who changed what and when, newest first, filtered by a plain GET form. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  if (!viewer.isAdmin) return <EmptyState title="Administrators only">The audit log is for administrators.</EmptyState>;
  const search = await searchParams;
  const people = await caller.access.people();
  const filter = auditLogInput.safeParse({
    actorPersonId: search.actor || undefined,
    action: search.action || undefined,
    from: search.from ? new Date(`${search.from}T00:00:00Z`) : undefined,
    to: search.to ? new Date(`${search.to}T00:00:00Z`) : undefined,
  });
  const entries = filter.success ? await caller.access.auditLog(filter.data) : [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Audit log</h1>
          <p>Every change, who made it and when; the newest 200 that match (From and Before are whole UTC days).</p>
        </div>
        <Link href="/settings">Back to Settings</Link>
      </div>
      <form className="row card" method="get" aria-label="Filter the audit log" style={{ marginBottom: "1rem" }}>
        <div className="field">
          <label htmlFor="audit-actor">Who</label>
          <select id="audit-actor" name="actor" defaultValue={search.actor ?? ""}>
            <option value="">Anyone</option>
            {people.map((person) => (
              <option key={person.personId} value={person.personId}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action starts with</label>
          <input id="audit-action" name="action" defaultValue={search.action ?? ""} placeholder="e.g. person." />
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" name="from" type="date" defaultValue={search.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">Before</label>
          <input id="audit-to" name="to" type="date" defaultValue={search.to ?? ""} />
        </div>
        <div>
          <button className="button" type="submit">
            Filter
          </button>
        </div>
      </form>
      {!filter.success && (
        <div className="alert error" role="alert">
          {issuesText(filter.error)}
        </div>
      )}
      {filter.success && entries.length === 0 ? (
        <p className="stat-note">Nothing matches.</p>
      ) : (
        <div {...scrollRegion("Audit log", "table-scroll card")}>
          <table aria-label="Audit log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{localDateTime(entry.at, viewer.timeZone)}</td>
                  <td>{entry.actorName ?? "System"}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.entityType} {entry.entityId}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
