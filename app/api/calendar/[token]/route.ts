import { serverNow } from "@/server/clock";
import { getDatabase } from "@/server/db/runtime";
import { calendarFeed } from "@/server/services/rotations/calendar/calendar-feed";

/**
 * A rotation's or a person's shifts as an iCalendar feed, for Google Calendar or Outlook to subscribe to.
 * The secret token in the path is the only credential, as subscribing clients cannot sign in.
 */
export async function GET(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  // Some clients want the URL to end in .ics.
  const token = (await context.params).token.replace(/\.ics$/, "");
  const feed = await calendarFeed((await getDatabase()).db, token, serverNow());
  if (!feed)
    return new Response("No such calendar feed.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return new Response(feed.ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${feed.filename}"`,
      "cache-control": "private, max-age=300",
      // The URL is the secret: keep it out of other sites' referrers and search indexes.
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
    },
  });
}
