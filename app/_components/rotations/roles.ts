import type { RotationRole } from "./types";

export const ROLE_LABEL: Record<RotationRole, string> = {
  primary: "Primary on-call",
  secondary: "Secondary on-call",
  ticket: "Ticket duty",
  shadow: "Shadow",
};

/** The letters a grid cell shows, so a role reads without its colour. */
export const ROLE_SHORT: Record<RotationRole, string> = { primary: "P", secondary: "S", ticket: "T", shadow: "Sh" };

/** Pager roles first, as incidents reach them first. */
export const ROLE_ORDER: Record<RotationRole, number> = { primary: 0, secondary: 1, ticket: 2, shadow: 3 };

export const ROLES: readonly RotationRole[] = ["primary", "secondary", "ticket", "shadow"];
