import type { Metadata } from "next";
import Link from "next/link";
import { signedInCaller, viewerTeams } from "@/server/trpc/server";
import { DrillShare } from "@/app/_components/reports/drill-share";
import { DrillEntries, DrillInterrupts, DrillShifts } from "@/app/_components/reports/drill-tables";
import { loadReport } from "@/app/_components/reports/load-report";
import { periodDaysText, teamParam, type ReportSearch } from "@/app/_components/reports/period";
import { chooseTeam } from "@/app/_lib/team";

export const metadata: Metadata = { title: "Drill-down · Team reports" };

/** A quarter of a heavy logger is hundreds of entries: list the latest, link to the rest. */
const ENTRY_LIMIT = 50;

const SOURCE_KINDS = ["template", "service", "alert"] as const;

function one(search: ReportSearch, key: string): string | undefined {
  const value = search[key];
  return Array.isArray(value) ? value[0] : value;
}

function instant(value: string | undefined): Date {
  return new Date(value ?? "");
}

/** The entries, shifts and interrupts behind one bar (a person) or one row (a toil source). */
export default async function DrillPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const search = await searchParams;
  const caller = await signedInCaller();
  const viewer = await caller.viewer.me();
  const team = await chooseTeam(viewer, await viewerTeams(), teamParam(search));
  const kind = SOURCE_KINDS.find((k) => k === one(search, "kind"));
  const key = one(search, "key");
  const person = one(search, "person");
  const drill = team
    ? await loadReport(() =>
        caller.reports.drillDown({
          teamId: team.id,
          from: instant(one(search, "from")),
          to: instant(one(search, "to")),
          ...(person ? { personId: person } : {}),
          ...(kind ? { sourceKind: kind, sourceKey: key ? key : null } : {}),
        }),
      )
    : null;
  const showAll = one(search, "all") === "1";
  const allQuery = new URLSearchParams({
    ...Object.fromEntries(Object.entries(search).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : []))),
    all: "1",
  }).toString();
  const back = team ? `/reports?team=${team.id}` : "/reports";
  return (
    <>
      <p className="breadcrumb">
        <Link href={back}>← Team reports</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{drill?.ok ? drillTitle(drill.data) : "Drill-down"}</h1>
          {drill?.ok && (
            <p>
              {periodDaysText(drill.data.from, drill.data.to, viewer.timeZone)} · counted up to now · {viewer.timeZone}
            </p>
          )}
        </div>
      </div>
      {!drill && <p className="alert info">Reports belong to a team.</p>}
      {drill && !drill.ok && (
        <div className="alert error" role="alert">
          {drill.message}
        </div>
      )}
      {drill?.ok && (
        <>
          {drill.data.onlyOwn && (
            <p className="alert info">
              Only your own entries are shown: another person&apos;s detail is for the team&apos;s managers.
            </p>
          )}
          {drill.data.accounting && (
            <section className="card drill-share" aria-labelledby="drill-share">
              <h2 id="drill-share">Their share in this span</h2>
              <DrillShare accounting={drill.data.accounting} />
            </section>
          )}
          <section className="card report-card" aria-labelledby="drill-shifts">
            <h2 id="drill-shifts">Duty shifts</h2>
            <DrillShifts shifts={drill.data.shifts} timeZone={viewer.timeZone} />
          </section>
          <section className="card report-card" aria-labelledby="drill-entries">
            <h2 id="drill-entries">Toil entries ({drill.data.entries.length})</h2>
            {!showAll && drill.data.entries.length > ENTRY_LIMIT && (
              <p className="stat-note">
                The latest {ENTRY_LIMIT} are listed.{" "}
                <Link href={`/reports/drill?${allQuery}`}>Show all {drill.data.entries.length}</Link>
              </p>
            )}
            <DrillEntries
              entries={showAll ? drill.data.entries : drill.data.entries.slice(-ENTRY_LIMIT).reverse()}
              timeZone={viewer.timeZone}
              withPerson={drill.data.person === null}
            />
          </section>
          <section className="card report-card" aria-labelledby="drill-interrupts">
            <h2 id="drill-interrupts">Interrupts ({drill.data.interrupts.length})</h2>
            <DrillInterrupts interrupts={drill.data.interrupts} timeZone={viewer.timeZone} />
          </section>
        </>
      )}
    </>
  );
}

function drillTitle(drill: { person: { name: string } | null; source: { label: string } | null }): string {
  const parts = [drill.person?.name, drill.source?.label].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? `Behind the numbers: ${parts.join(" · ")}` : "Behind the numbers";
}
