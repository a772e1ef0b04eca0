import { IANAZone } from "luxon";

/** Width of a cache bucket. UTC days, not local ones: it only groups instants for the cache. */
const BUCKET_MS = 86_400_000;
const SECOND_MS = 1000;
/** About 140 years of days: far more than any schedule needs, but bounded in a long-lived server. */
const MAX_BUCKETS_PER_ZONE = 50_000;

/**
 * An IANA zone whose offsets are memoised per UTC day. luxon asks Intl for the offset on every conversion,
 * which made a year of 50 rotations take hundreds of milliseconds; with this cache a day costs one Intl call
 * (the offset at its start) and a day with a transition about seventeen more, once per process.
 * Assumes, as tzdata does, at most one offset change per UTC day. Results are identical to IANAZone's.
 */
class CachedIanaZone extends IANAZone {
  private readonly offsetAtStart = new Map<number, number>();
  private readonly changeInstant = new Map<number, number>();

  override offset(ts: number): number {
    if (!Number.isFinite(ts)) return super.offset(ts);
    const bucket = Math.floor(ts / BUCKET_MS);
    const before = this.startOffset(bucket);
    const after = this.startOffset(bucket + 1);
    if (before === after) return before;
    let changesAt = this.changeInstant.get(bucket);
    if (changesAt === undefined) {
      changesAt = this.findChange(bucket * BUCKET_MS, before);
      this.changeInstant.set(bucket, changesAt);
    }
    return ts < changesAt ? before : after;
  }

  private startOffset(bucket: number): number {
    let offset = this.offsetAtStart.get(bucket);
    if (offset === undefined) {
      offset = super.offset(bucket * BUCKET_MS);
      if (this.offsetAtStart.size >= MAX_BUCKETS_PER_ZONE) this.offsetAtStart.clear();
      this.offsetAtStart.set(bucket, offset);
    }
    return offset;
  }

  /** Zones change offset on a whole second; bisect to it, keeping offset(low) = before and offset(high) != before. */
  private findChange(start: number, before: number): number {
    let low = start;
    let high = start + BUCKET_MS;
    while (high - low > SECOND_MS) {
      const middle = low + Math.floor((high - low) / (2 * SECOND_MS)) * SECOND_MS;
      if (super.offset(middle) === before) low = middle;
      else high = middle;
    }
    return high;
  }
}

const zones = new Map<string, CachedIanaZone>();

/** The shared cached zone for an IANA name; pass it to luxon wherever a zone name would go. */
export function cachedZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = new CachedIanaZone(name);
    zones.set(name, zone);
  }
  return zone;
}
