interface Taken {
  start: number;
  end: number;
}

/** What each person has already logged, so their entries never overlap, as a real person's would not. */
export class Timelines {
  private readonly taken = new Map<string, Taken[]>();

  /**
   * Books `minutes` for the person at `start` (epoch ms), or at the first free moment after it; returns
   * the start it got, or null when that would end after `latestEnd`.
   */
  book(personKey: string, start: number, minutes: number, latestEnd: number): number | null {
    const booked = this.taken.get(personKey) ?? [];
    const length = minutes * 60_000;
    let from = start;
    for (let moved = true; moved; ) {
      moved = false;
      for (const slot of booked) {
        if (slot.start < from + length && from < slot.end) {
          from = slot.end;
          moved = true;
        }
      }
    }
    if (from + length > latestEnd) return null;
    booked.push({ start: from, end: from + length });
    this.taken.set(personKey, booked);
    return from;
  }
}
