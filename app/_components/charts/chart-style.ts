import { createElement } from "react";

/**
 * Okabe and Ito's palette: its colours stay apart for the common kinds of colour blindness, and each is
 * paired with a second cue (dash, width, position) wherever meaning rests on it.
 */
export const OKABE_ITO = {
  blue: "#0072B2",
  skyBlue: "#56B4E9",
  orange: "#E69F00",
  vermillion: "#D55E00",
  green: "#009E73",
  purple: "#CC79A7",
  ink: "#1b2230",
} as const;

/** The team chart's rows: one per person, plus room for the cap labels above and the axis and legend below. */
const TEAM_BAR_ROW = 40;
export function teamBarsHeight(people: number): number {
  return 110 + Math.max(1, people) * TEAM_BAR_ROW;
}

/** Legend labels in the text colour: a light series colour (orange) is too faint for words. */
export function legendText(value: string) {
  return createElement("span", { className: "chart-legend-text" }, value);
}
