/** "1 turn", "3 turns in a row": the run of ended turns a sign must show before a rotation is flagged. */
export function turnsInARowText(turns: number): string {
  return turns === 1 ? "1 turn" : `${turns} turns in a row`;
}
