import { clockTime, weekdayName } from "@/app/_lib/format";
import { dutyWindowsText } from "@/app/_components/rotations/duty-windows";
import { ROLE_LABEL } from "@/app/_components/rotations/roles";
import type { RotationDetail } from "@/app/_components/rotations/types";

/** The rotation as engineers see it: its settings and turn order, nothing to edit. */
export function RotationFacts({ rotation }: { rotation: RotationDetail }) {
  return (
    <section className="card rotation-facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading">How it runs</h2>
      <dl className="facts">
        <div>
          <dt>Role</dt>
          <dd>{ROLE_LABEL[rotation.role]}</dd>
        </div>
        <div>
          <dt>Shift</dt>
          <dd>
            {rotation.shiftCount}{" "}
            {rotation.shiftCount === 1 ? rotation.shiftUnit.replace(/s$/, "") : rotation.shiftUnit}
          </dd>
        </div>
        <div>
          <dt>Hand-off</dt>
          <dd>
            {rotation.shiftUnit === "weeks" ? `${weekdayName(rotation.handoffWeekday)} ` : ""}
            {clockTime(rotation.handoffMinute)} ({rotation.timeZone})
          </dd>
        </div>
        <div>
          <dt>Since</dt>
          <dd>{rotation.startsOn}</dd>
        </div>
        <div>
          <dt>On duty</dt>
          <dd>{dutyWindowsText(rotation.dutyWindows)}</dd>
        </div>
        {rotation.endsOn && (
          <div>
            <dt>Ends</dt>
            <dd>
              {rotation.endsOn} at {clockTime(rotation.handoffMinute)}
            </dd>
          </div>
        )}
      </dl>
      <h3 className="subhead" id="order-heading">
        Turn order
      </h3>
      <ol className="turn-order" aria-labelledby="order-heading">
        {rotation.participants.map((p) => (
          <li key={p.personId}>{p.name}</li>
        ))}
      </ol>
      <p className="stat-note">
        Only planners and managers change a rotation. You can ask to swap one of your own shifts in the schedule below.
      </p>
    </section>
  );
}
