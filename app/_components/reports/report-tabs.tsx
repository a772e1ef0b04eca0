import Link from "next/link";

const TABS = [
  { href: "/reports", label: "Toil cap" },
  { href: "/reports/sources", label: "Toil sources" },
  { href: "/reports/trend", label: "Trend" },
  { href: "/reports/interrupts", label: "Interrupt load" },
  { href: "/reports/on-call-hours", label: "On-call hours" },
  { href: "/reports/review", label: "Weekly review" },
] as const;

export type ReportTab = (typeof TABS)[number]["href"];

/** The team reports, keeping the team and period in the link (the weekly review keeps only the team). */
export function ReportTabs({ current, query }: { current: ReportTab; query: string }) {
  return (
    <nav className="report-tabs" aria-label="Team reports">
      {TABS.map((tab) => (
        <Link key={tab.href} href={`${tab.href}?${query}`} aria-current={tab.href === current ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
