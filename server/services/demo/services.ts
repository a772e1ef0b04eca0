import { traits, type ToilTraits } from "./traits";

export interface ServiceSpec {
  name: string;
  traits: ToilTraits;
}

export interface TemplateSpec {
  name: string;
  service: string;
  minutes: number;
  traits: ToilTraits;
  /** What people type when they log it, so the entry list reads like real work. */
  summaries: string[];
}

export const PLATFORM_SERVICES: ServiceSpec[] = [
  { name: "payments-api", traits: traits("manual", "tactical") },
  { name: "checkout", traits: traits("manual", "tactical") },
  { name: "postgres-fleet", traits: traits("manual", "repetitive", "automatable", "scalesLinearly") },
  { name: "kafka", traits: traits("manual", "repetitive", "automatable", "scalesLinearly") },
  { name: "k8s-platform", traits: traits("manual", "repetitive", "tactical", "scalesLinearly") },
  { name: "ci-runners", traits: traits("manual", "repetitive", "automatable", "noEnduringValue") },
  { name: "dns", traits: traits("manual", "repetitive", "automatable") },
  { name: "cert-manager", traits: traits("manual", "repetitive", "automatable", "noEnduringValue", "scalesLinearly") },
];

export const DATA_SERVICES: ServiceSpec[] = [
  { name: "airflow", traits: traits("manual", "repetitive", "tactical") },
  { name: "warehouse", traits: traits("manual", "repetitive", "automatable", "scalesLinearly") },
  { name: "spark-jobs", traits: traits("manual", "repetitive", "noEnduringValue") },
];

export const PLATFORM_TEMPLATES: TemplateSpec[] = [
  {
    name: "Rotate TLS certificates",
    service: "cert-manager",
    minutes: 45,
    traits: traits("manual", "repetitive", "automatable", "noEnduringValue", "scalesLinearly"),
    summaries: [
      "Rotated expiring cert for api.northwind.example",
      "Rotated wildcard cert *.internal.northwind.example",
      "Renewed cert for partner-sftp.northwind.example by hand (ACME challenge blocked)",
      "Rotated mTLS client certs for payments-api",
      "Replaced expiring cert on legacy-billing load balancer",
    ],
  },
  {
    name: "Restart stuck batch job",
    service: "ci-runners",
    minutes: 20,
    traits: traits("manual", "repetitive", "automatable", "tactical", "noEnduringValue"),
    summaries: [
      "Restarted stuck nightly billing export",
      "Killed and re-ran hung invoice reconciliation job",
      "Restarted stuck warehouse sync after runner OOM",
      "Re-ran nightly search index rebuild stuck on a dead runner",
    ],
  },
  {
    name: "Resize Kafka partitions",
    service: "kafka",
    minutes: 60,
    traits: traits("manual", "repetitive", "automatable", "scalesLinearly"),
    summaries: [
      "Increased partitions on orders.events from 24 to 48",
      "Rebalanced partitions on payments.ledger after broker replacement",
      "Resized checkout.sessions partitions ahead of campaign traffic",
      "Moved hot partitions off kafka-broker-3",
    ],
  },
  {
    name: "Provision database replica",
    service: "postgres-fleet",
    minutes: 90,
    traits: traits("manual", "repetitive", "automatable", "scalesLinearly"),
    summaries: [
      "Provisioned read replica postgres-eu-3 for reporting",
      "Added replica to postgres-us-1 for the analytics team",
      "Rebuilt broken replica postgres-eu-2b from base backup",
    ],
  },
  {
    name: "Clean up full disk",
    service: "k8s-platform",
    minutes: 30,
    traits: traits("manual", "repetitive", "automatable", "tactical", "noEnduringValue", "scalesLinearly"),
    summaries: [
      "Cleaned up full disk on node ip-10-4-12-7 (prod-eu pool)",
      "Pruned old images on full node in prod-us pool",
      "Freed /var/log on kafka-broker-4",
      "Deleted orphaned PVC snapshots filling the backup volume",
    ],
  },
  {
    name: "Grant production access",
    service: "k8s-platform",
    minutes: 15,
    traits: traits("manual", "repetitive", "automatable", "tactical", "noEnduringValue"),
    summaries: [
      "Granted production access to new payments engineer",
      "Granted temporary prod DB access for incident follow-up",
      "Granted kubectl read access to checkout on-call",
      "Renewed expired break-glass access for data team",
    ],
  },
];
