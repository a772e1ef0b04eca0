import "server-only";
import type { AlertLosses } from "./count-alert-loss";
import type { IntegrationRow } from "./find-integration";

/** Alerts its notifications named but Toilcap did not store, by reason, and when that last happened. */
export interface DroppedAlerts extends AlertLosses {
  lastAt: Date;
}

/** An integration as its team's planners see it: never its secret or the secret's hash. */
export interface IntegrationView {
  id: string;
  teamId: string;
  kind: IntegrationRow["kind"];
  name: string;
  rotationId: string | null;
  rotationName: string | null;
  /** The first characters of the secret, to tell endpoints apart. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** PagerDuty: whether the subscription's signing secret was pasted (deliveries are refused until it is). */
  hasSigningSecret: boolean;
  /** Null when nothing was ever dropped. */
  droppedAlerts: DroppedAlerts | null;
}

export function integrationView(
  row: IntegrationRow,
  rotationName: string | null,
  droppedAlerts: DroppedAlerts | null = null,
): IntegrationView {
  return {
    id: row.id,
    teamId: row.teamId,
    kind: row.kind,
    name: row.name,
    rotationId: row.rotationId,
    rotationName,
    prefix: row.prefix,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    hasSigningSecret: row.signingSecret !== null,
    droppedAlerts,
  };
}

/** What the integration's row looks like in the audit log: everything but the secret's hash and the signing secret. */
export function auditedIntegration(row: IntegrationRow) {
  const { secretHash: _hidden, signingSecret, ...rest } = row;
  return { ...rest, hasSigningSecret: signingSecret !== null };
}
