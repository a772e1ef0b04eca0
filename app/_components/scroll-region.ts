/**
 * The props of a box that scrolls sideways on a narrow screen: a labelled region a keyboard can focus, so its
 * hidden columns stay reachable without a mouse (axe `scrollable-region-focusable`).
 */
export function scrollRegion(label: string, className = "table-scroll") {
  return { className, role: "region", "aria-label": label, tabIndex: 0 } as const;
}
