import type { Random } from "./prng";

export type Severity = "critical" | "high" | "medium" | "low" | "info";

/** An Alertmanager alert the demo teams get paged for, and how people typically answer it. */
export interface AlertSpec {
  name: string;
  service: string;
  severity: Severity;
  /** Relative frequency among the team's pages. */
  weight: number;
  incidentChance: number;
  describe(random: Random): string;
  /** What the responder did, and whether the weekly review calls that actionable: noisy alerts have many no-ops. */
  responses: AlertResponse[];
}

export interface AlertResponse {
  work: string;
  actionable: boolean;
}

const acted = (...work: string[]): AlertResponse[] => work.map((w) => ({ work: w, actionable: true }));
const noise = (...work: string[]): AlertResponse[] => work.map((w) => ({ work: w, actionable: false }));

export const PLATFORM_ALERTS: AlertSpec[] = [
  {
    name: "HighErrorRate",
    service: "payments-api",
    severity: "critical",
    weight: 3,
    incidentChance: 0.35,
    describe: (r) => `payments-api 5xx ratio ${r.between(2.5, 12).toFixed(1)}% (threshold 2%)`,
    responses: [
      ...acted(
        "Rolled back payments-api release after 5xx spike",
        "Failed over payments-api to eu-west-1b",
        "Restarted wedged payments-api pods",
      ),
      ...noise("5xx blip from one bad client, resolved on its own"),
    ],
  },
  {
    name: "HighErrorRate",
    service: "checkout",
    severity: "high",
    weight: 2,
    incidentChance: 0.25,
    describe: (r) => `checkout 5xx ratio ${r.between(2.1, 8).toFixed(1)}% (threshold 2%)`,
    responses: [
      ...acted("Rolled back checkout deploy", "Scaled checkout out during traffic spike"),
      ...noise("Checked checkout errors: synthetic monitor flapping"),
    ],
  },
  {
    name: "KafkaConsumerLag",
    service: "kafka",
    severity: "high",
    weight: 3,
    incidentChance: 0.1,
    describe: (r) => `consumer group billing-ledger lag ${r.int(40, 900)}k messages on payments.ledger`,
    responses: [
      ...acted("Restarted stuck billing-ledger consumers", "Skipped poison message on payments.ledger"),
      ...noise("Watched consumer lag drain after the nightly batch"),
    ],
  },
  {
    name: "DiskWillFillIn4Hours",
    service: "k8s-platform",
    severity: "medium",
    weight: 4,
    incidentChance: 0.02,
    describe: (r) => `/var/lib/containerd on ip-10-4-${r.int(1, 40)}-${r.int(2, 250)} predicted full in 4h`,
    responses: [
      ...acted("Pruned images on filling node", "Cordoned node and let autoscaler replace it"),
      ...noise(
        "Checked disk prediction, growth flattened: no action",
        "Log burst from a debug flag, disk recovered: no action",
      ),
    ],
  },
  {
    name: "CertificateExpiringSoon",
    service: "cert-manager",
    severity: "medium",
    weight: 2,
    incidentChance: 0,
    describe: (r) =>
      `certificate ${r.pick(["api", "checkout", "partner-sftp", "grafana"])}.northwind.example expires in ${r.int(3, 13)} days`,
    responses: [
      ...acted(
        "Renewed certificate by hand after failed ACME order",
        "Fixed DNS-01 solver credentials and re-issued cert",
      ),
      ...noise("Cert already renewed, alert on stale secret copy"),
    ],
  },
  {
    name: "PostgresReplicationLag",
    service: "postgres-fleet",
    severity: "high",
    weight: 2,
    incidentChance: 0.2,
    describe: (r) => `postgres-eu-${r.int(1, 3)} replica ${r.int(45, 900)}s behind primary`,
    responses: [
      ...acted(
        "Killed long-running analytics query blocking replay",
        "Rebuilt lagging replica from base backup",
        "Manually failed over postgres-eu-2",
      ),
      ...noise("Replica caught up after vacuum finished"),
    ],
  },
];

export const DATA_ALERTS: AlertSpec[] = [
  {
    name: "AirflowDagFailed",
    service: "airflow",
    severity: "medium",
    weight: 3,
    incidentChance: 0.05,
    describe: (r) => `DAG ${r.pick(["daily_revenue", "customer_360", "fx_rates_import"])} failed ${r.int(1, 3)} times`,
    responses: [
      ...acted("Backfilled failed DAG run", "Cleared upstream sensor and re-ran DAG"),
      ...noise("Upstream file arrived late, DAG retried fine"),
    ],
  },
  {
    name: "WarehouseQueryQueueHigh",
    service: "warehouse",
    severity: "high",
    weight: 1,
    incidentChance: 0.1,
    describe: (r) => `${r.int(30, 120)} warehouse queries queued for over 10 minutes`,
    responses: [
      ...acted("Killed runaway dashboard queries", "Scaled warehouse cluster for month-end"),
      ...noise("Queue drained after the hourly load"),
    ],
  },
];
