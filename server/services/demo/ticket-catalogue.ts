import type { Severity } from "./alerts";

/** A ticket from the OPS queue (or a request from another team), and the work it takes. */
export interface TicketSpec {
  summary: string;
  service: string;
  severity: Severity;
  /** Typical time spent on it. */
  minutes: number;
  work: string;
}

export const OPS_TICKETS: TicketSpec[] = [
  {
    summary: "Increase retention for orders.events to 14 days",
    service: "kafka",
    severity: "low",
    minutes: 30,
    work: "Raised orders.events retention and checked broker disk headroom",
  },
  {
    summary: "Create DNS record for partner-sftp.northwind.example",
    service: "dns",
    severity: "low",
    minutes: 20,
    work: "Added partner-sftp DNS record and verified propagation",
  },
  {
    summary: "Read-only prod DB access for analytics on-call",
    service: "postgres-fleet",
    severity: "medium",
    minutes: 25,
    work: "Granted read-only role on postgres-eu-1 to analytics on-call",
  },
  {
    summary: "CI runners out of disk on large monorepo builds",
    service: "ci-runners",
    severity: "medium",
    minutes: 60,
    work: "Resized CI runner volumes and purged build caches",
  },
  {
    summary: "Renew certificate for legacy-billing.northwind.example",
    service: "cert-manager",
    severity: "medium",
    minutes: 45,
    work: "Renewed legacy-billing certificate by hand (not on cert-manager)",
  },
  {
    summary: "New namespace and quotas for the loyalty team",
    service: "k8s-platform",
    severity: "low",
    minutes: 40,
    work: "Created loyalty namespace, quotas and RBAC",
  },
  {
    summary: "Checkout staging deploys fail with ImagePullBackOff",
    service: "checkout",
    severity: "medium",
    minutes: 50,
    work: "Fixed expired registry pull secret in checkout staging",
  },
  {
    summary: "Raise payments-api connection pool limit",
    service: "payments-api",
    severity: "medium",
    minutes: 35,
    work: "Raised payments-api pool limit and max_connections on postgres-eu-1",
  },
  {
    summary: "Add Kafka topic checkout.refunds",
    service: "kafka",
    severity: "low",
    minutes: 25,
    work: "Created checkout.refunds topic with ACLs",
  },
  {
    summary: "Restore deleted row from orders backup",
    service: "postgres-fleet",
    severity: "high",
    minutes: 90,
    work: "Restored deleted order rows from point-in-time backup",
  },
];

export const PLATFORM_REQUESTS: TicketSpec[] = [
  {
    summary: "Roll out Kubernetes 1.30 to prod-eu node pools",
    service: "k8s-platform",
    severity: "medium",
    minutes: 120,
    work: "Rolled prod-eu node pools to 1.30, one pool at a time",
  },
  {
    summary: "Flip checkout-v2 feature flag for EU traffic",
    service: "checkout",
    severity: "medium",
    minutes: 45,
    work: "Flipped checkout-v2 flag for EU and watched error rates",
  },
  {
    summary: "Help payments team debug connection pool exhaustion",
    service: "payments-api",
    severity: "high",
    minutes: 90,
    work: "Paired with payments on pool exhaustion under load",
  },
  {
    summary: "Rotate Kafka SASL credentials for all producers",
    service: "kafka",
    severity: "medium",
    minutes: 110,
    work: "Rotated SASL credentials producer by producer",
  },
  {
    summary: "Move CI runners to new VPC subnets",
    service: "ci-runners",
    severity: "low",
    minutes: 100,
    work: "Migrated CI runner groups to the new subnets",
  },
];
