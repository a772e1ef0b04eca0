"use client";

import { useId, useState } from "react";
import { TeamTrendChartLazy } from "./lazy";
import type { TrendSeries } from "./team-trend-chart";

/**
 * The team's trend with one engineer picked out from a list, instead of a line per person that no one can tell
 * apart. The choice only changes the drawing; every person's weeks are in the table below it.
 */
export function TeamTrend({
  labels,
  team,
  members,
  toilCap,
}: {
  labels: string[];
  team: Array<number | null>;
  members: TrendSeries[];
  toilCap: number;
}) {
  const id = useId();
  const [chosen, setChosen] = useState("");
  const highlight = members.find((m) => m.personId === chosen) ?? null;
  return (
    <>
      <div className="field trend-highlight">
        <label htmlFor={id}>Compare the team with</label>
        <select id={id} value={chosen} onChange={(event) => setChosen(event.target.value)}>
          <option value="">No one (team only)</option>
          {members.map((m) => (
            <option key={m.personId} value={m.personId}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <TeamTrendChartLazy labels={labels} team={team} highlight={highlight} toilCap={toilCap} />
    </>
  );
}
