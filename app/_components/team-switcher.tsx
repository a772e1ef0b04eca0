"use client";

import { usePathname } from "next/navigation";

/**
 * Pages whose path names one team's object (a rotation, a drill-down): switching team goes to their section, not to
 * that object under another team.
 */
const SECTION_OF_DEEP_PAGE: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/rotations\/.+/, "/rotations"],
  [/^\/reports\/drill/, "/reports"],
];

function switchTarget(pathname: string): string {
  return SECTION_OF_DEEP_PAGE.find(([pattern]) => pattern.test(pathname))?.[1] ?? pathname;
}

/**
 * The team the pages show. A plain GET form: the page reloads with `?team=`, which the proxy remembers in a cookie,
 * so the choice holds on every page after, with or without scripts.
 */
export function TeamSwitcher({
  teams,
  currentId,
}: {
  teams: ReadonlyArray<{ id: string; name: string }>;
  currentId: string;
}) {
  const pathname = usePathname();
  return (
    <form className="team-switcher" method="get" action={switchTarget(pathname)}>
      <label htmlFor="team-switcher">Team</label>
      <select id="team-switcher" name="team" defaultValue={currentId} key={currentId}>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button secondary small">
        Switch
      </button>
    </form>
  );
}
