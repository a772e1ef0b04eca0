import Link from "next/link";
import { ROLE_LABEL } from "@/app/_components/rotations/roles";
import { rotationSettingsText } from "@/app/_components/rotations/summary";
import type { RotationSummary } from "@/app/_components/rotations/types";

/** Names shown on a card before "and N more". */
const NAMES_SHOWN = 8;

export function RotationCards({ rotations, mayPlan }: { rotations: RotationSummary[]; mayPlan: boolean }) {
  return (
    <ul className="rotation-cards" aria-labelledby="rotation-list-heading">
      {rotations.map((r) => {
        const names = r.participants.map((p) => p.name);
        const more = names.length - NAMES_SHOWN;
        return (
          <li key={r.id} className="card rotation-card">
            <h3>
              <Link href={`/rotations/${r.id}`}>{r.name}</Link>
            </h3>
            <p>
              <span className={`badge role-badge role-${r.role}`}>{ROLE_LABEL[r.role]}</span>
            </p>
            <p className="stat-note">{rotationSettingsText(r)}</p>
            <p className="rotation-people">
              <strong>{names.length}</strong> {names.length === 1 ? "person" : "people"}
              {names.length > 0 && `: ${names.slice(0, NAMES_SHOWN).join(", ")}${more > 0 ? ` and ${more} more` : ""}`}
            </p>
            <p className="card-link">
              <Link href={`/rotations/${r.id}`}>
                {mayPlan ? "Edit and preview" : "Schedule and swaps"}
                <span className="visually-hidden"> for {r.name}</span> →
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
