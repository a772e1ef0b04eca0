import { traits, type ToilTraits } from "./traits";

/** Toil logged by hand, without a template. */
export interface ManualToilSpec {
  summary: string;
  service: string;
  minutes: number;
  traits: ToilTraits;
}

/** Work that is not toil (docs/accounting.md: meetings, hiring, training, paperwork). */
export interface OverheadSpec {
  summary: string;
  minutes: number;
}

const firefight = traits("manual", "tactical", "noEnduringValue");
const chore = traits("manual", "repetitive", "automatable", "noEnduringValue");

export const PLATFORM_MANUAL_TOIL: ManualToilSpec[] = [
  { summary: "Manually failed over postgres-eu-2", service: "postgres-fleet", minutes: 60, traits: firefight },
  { summary: "Vacuumed bloated orders table on postgres-us-1", service: "postgres-fleet", minutes: 45, traits: chore },
  {
    summary: "Drained and cordoned flapping node in prod-us pool",
    service: "k8s-platform",
    minutes: 30,
    traits: firefight,
  },
  {
    summary: "Bumped memory limits on payments-api after OOM kills",
    service: "payments-api",
    minutes: 40,
    traits: firefight,
  },
  { summary: "Rolled back checkout deploy after error spike", service: "checkout", minutes: 35, traits: firefight },
  { summary: "Cleared poison message from checkout.orders consumer", service: "kafka", minutes: 50, traits: firefight },
  { summary: "Re-ran failed deploy pipeline for checkout", service: "ci-runners", minutes: 20, traits: chore },
  { summary: "Scaled up CI runner pool for release day", service: "ci-runners", minutes: 25, traits: chore },
  { summary: "Rotated leaked CI token", service: "ci-runners", minutes: 40, traits: traits("manual", "tactical") },
  { summary: "Updated DNS records for marketing campaign domain", service: "dns", minutes: 20, traits: chore },
  { summary: "Fixed stale DNS entry for internal payments gateway", service: "dns", minutes: 30, traits: firefight },
  {
    summary: "Restarted cert-manager controller after webhook timeouts",
    service: "cert-manager",
    minutes: 25,
    traits: firefight,
  },
  { summary: "Replayed dead-lettered payment webhooks", service: "payments-api", minutes: 55, traits: chore },
  { summary: "Manually expanded volume on kafka-broker-2", service: "kafka", minutes: 45, traits: chore },
];

export const DATA_MANUAL_TOIL: ManualToilSpec[] = [
  { summary: "Backfilled failed Airflow DAG daily_revenue", service: "airflow", minutes: 50, traits: chore },
  { summary: "Cleared stuck Airflow scheduler lock", service: "airflow", minutes: 25, traits: firefight },
  { summary: "Restarted stuck Spark sessionization job", service: "spark-jobs", minutes: 30, traits: chore },
  { summary: "Granted warehouse access to finance analyst", service: "warehouse", minutes: 15, traits: chore },
  { summary: "Dropped orphaned tables in staging warehouse", service: "warehouse", minutes: 40, traits: chore },
  {
    summary: "Killed runaway warehouse query blocking the nightly load",
    service: "warehouse",
    minutes: 20,
    traits: firefight,
  },
];

export const OVERHEAD: OverheadSpec[] = [
  { summary: "Weekly team sync", minutes: 45 },
  { summary: "1:1 with my manager", minutes: 30 },
  { summary: "Hiring interview: SRE candidate (systems design)", minutes: 60 },
  { summary: "Hiring interview: SRE candidate (troubleshooting)", minutes: 60 },
  { summary: "Hiring debrief", minutes: 30 },
  { summary: "Training: Kafka operations course", minutes: 120 },
  { summary: "Security awareness training", minutes: 45 },
  { summary: "Quarterly planning", minutes: 90 },
  { summary: "Expense report and travel booking", minutes: 20 },
  { summary: "Architecture review: multi-region checkout", minutes: 60 },
];
