/** The cookie that remembers the team a person chose in the shell; the proxy sets it from a page's `?team=`. */
export const TEAM_COOKIE = "toilcap-team";

const TEAM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A `?team=` value worth remembering: shaped like a team's id. Whether the viewer may see it is checked per page. */
export function rememberableTeamId(value: string | null | undefined): string | null {
  return value && TEAM_ID.test(value) ? value.toLowerCase() : null;
}
