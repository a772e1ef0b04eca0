import type { PlanWarning } from "@/app/_components/rotations/types";

const KIND_LABEL: Record<PlanWarning["kind"], string> = {
  "too-small": "Too small",
  "back-to-back": "Back to back",
  "on-leave": "On leave",
  gap: "Gap",
  "over-on-call-cap": "Over on-call cap",
  "over-toil-cap": "Over toil cap",
};

/** The plan's warnings, each with its kind in words (the badge colour only repeats it). */
export function WarningsList({ warnings }: { warnings: PlanWarning[] }) {
  return (
    <section className="preview-section" aria-labelledby="preview-warnings-heading">
      <h3 id="preview-warnings-heading" className="subhead">
        Warnings ({warnings.length})
      </h3>
      {warnings.length === 0 ? (
        <p className="alert ok">
          No warnings: big enough, under both caps, no back-to-back turns, no one on leave, no gaps.
        </p>
      ) : (
        <ul className="warning-list" aria-labelledby="preview-warnings-heading">
          {warnings.map((warning, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two warnings may share kind and person; the list is replaced whole on each preview
            <li key={`${warning.kind}-${warning.personId ?? ""}-${index}`}>
              <span className={`badge warn-${warning.kind}`}>{KIND_LABEL[warning.kind]}</span> {warning.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
