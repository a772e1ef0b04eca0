import ICAL from "ical.js";

/**
 * The RFC 5545 rules Toilcap's feeds must follow, checked line by line (what tolerant parsers forgive), plus a
 * strict parse with ical.js. Returns the problems found; an empty list means the calendar conforms.
 */

const NAME = "[A-Za-z0-9-]+";
const PARAM_VALUE = '(?:"[^"\\x00-\\x1f\\x7f]*"|[^";:,\\x00-\\x1f\\x7f]*)';
const CONTENT_LINE = new RegExp(
  `^(${NAME})((?:;${NAME}=${PARAM_VALUE}(?:,${PARAM_VALUE})*)*):([^\\x00-\\x08\\x0a-\\x1f\\x7f]*)$`,
);
const REQUIRED_ONCE: Record<string, readonly string[]> = {
  VCALENDAR: ["PRODID", "VERSION"],
  VEVENT: ["UID", "DTSTAMP", "DTSTART"],
  VTIMEZONE: ["TZID"],
  STANDARD: ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO"],
  DAYLIGHT: ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO"],
};

interface Component {
  name: string;
  properties: string[];
  hasChildren: boolean;
}

function physicalLineProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push("the last line does not end with CRLF");
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push("a line ends with a bare CR or LF");
  text
    .replace(/\r\n$/, "")
    .split("\r\n")
    .forEach((line, index) => {
      if (Buffer.byteLength(line, "utf8") > 75) problems.push(`line ${index + 1} is longer than 75 octets`);
    });
  return problems;
}

function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .replace(/\r\n$/, "")
    .split("\r\n");
}

function structureProblems(lines: readonly string[]): string[] {
  const problems: string[] = [];
  const stack: Component[] = [];
  const timeZones = new Set<string>();
  const referenced = new Set<string>();
  lines.forEach((line, index) => {
    const match = CONTENT_LINE.exec(line);
    if (!match) {
      problems.push(`content line ${index + 1} is malformed: ${JSON.stringify(line.slice(0, 60))}`);
      return;
    }
    const [, rawName = "", params = "", value = ""] = match;
    const name = rawName.toUpperCase();
    const current = stack.at(-1);
    if (name === "BEGIN") {
      if (stack.length === 0 && (index !== 0 || value.toUpperCase() !== "VCALENDAR"))
        problems.push("the calendar does not start with BEGIN:VCALENDAR");
      if (current) current.hasChildren = true;
      stack.push({ name: value.toUpperCase(), properties: [], hasChildren: false });
      return;
    }
    if (name === "END") {
      const closed = stack.pop();
      if (!closed || closed.name !== value.toUpperCase()) {
        problems.push(`END:${value} on line ${index + 1} closes ${closed?.name ?? "nothing"}`);
        return;
      }
      for (const required of REQUIRED_ONCE[closed.name] ?? []) {
        const count = closed.properties.filter((p) => p === required).length;
        if (count !== 1) problems.push(`${closed.name} has ${count} ${required} properties, not one`);
      }
      if (stack.length === 0 && index !== lines.length - 1) problems.push("content follows END:VCALENDAR");
      return;
    }
    if (!current) {
      problems.push(`property ${name} on line ${index + 1} is outside any component`);
      return;
    }
    if (current.hasChildren)
      problems.push(`property ${name} of ${current.name} follows a component (line ${index + 1})`);
    current.properties.push(name);
    if (current.name === "VTIMEZONE" && name === "TZID") timeZones.add(value);
    const tzid = /;TZID=([^;:]+)/i.exec(params)?.[1];
    if (tzid) referenced.add(tzid);
  });
  if (stack.length > 0) problems.push(`${stack.map((c) => c.name).join(", ")} never ended`);
  for (const zone of referenced) if (!timeZones.has(zone)) problems.push(`TZID ${zone} has no VTIMEZONE`);
  return problems;
}

function strictParseProblems(text: string): string[] {
  try {
    const calendar = new ICAL.Component(ICAL.parse(text));
    return calendar.name === "vcalendar" ? [] : [`ical.js read a ${calendar.name}, not a vcalendar`];
  } catch (error) {
    return [`ical.js refused it: ${error instanceof Error ? error.message : String(error)}`];
  }
}

export function icsProblems(text: string): string[] {
  return [...physicalLineProblems(text), ...structureProblems(unfold(text)), ...strictParseProblems(text)];
}

/** The calendar's events as ical.js reads them: summary and description, unescaped. */
export function icsEventTexts(text: string): { summary: string; description: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((event) => ({
    summary: String(event.getFirstPropertyValue("summary") ?? ""),
    description: String(event.getFirstPropertyValue("description") ?? ""),
  }));
}

/** A calendar-level property as ical.js reads it, unescaped. */
export function icsCalendarProperty(text: string, name: string): string {
  return String(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue(name.toLowerCase()) ?? "");
}
