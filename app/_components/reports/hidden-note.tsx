/** Engineers see their own row and the team figures; say so, so a short table is not mistaken for the team. */
export function HiddenMembersNote({ hidden }: { hidden: number }) {
  if (hidden === 0) return null;
  return (
    <p className="alert info hidden-note" role="note">
      {hidden === 1 ? "1 other engineer is" : `${hidden} other engineers are`} hidden: only the team&apos;s managers see
      each person&apos;s detail. The team figures include everyone.
    </p>
  );
}
