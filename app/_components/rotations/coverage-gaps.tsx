import { spanText } from "./spans";

/** Stretches with nobody on the rotation's duty, read on the rotation's own wall clock. */
export function CoverageGaps({
  gaps,
  zone,
  headingId,
  heading,
  as: Heading = "h3",
}: {
  gaps: ReadonlyArray<{ startsAt: Date; endsAt: Date }>;
  zone: string;
  headingId: string;
  heading: string;
  as?: "h2" | "h3";
}) {
  return (
    <section className="preview-section coverage-gaps" aria-labelledby={headingId}>
      <Heading id={headingId} className={Heading === "h3" ? "subhead" : undefined}>
        {heading} ({gaps.length})
      </Heading>
      {gaps.length === 0 ? (
        <p className="alert ok">Someone is on duty throughout.</p>
      ) : (
        <>
          <p className="stat-note">Times in {zone}, the rotation&apos;s zone.</p>
          <ul className="gap-list" aria-labelledby={headingId}>
            {gaps.map((gap) => (
              <li key={gap.startsAt.toISOString()}>
                <span className="badge warn-gap">Nobody on duty</span> {spanText(gap.startsAt, gap.endsAt, zone)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
