/**
 * Small SQL builders shared by the generator's statements. Only numbers and fixed strings of ours go in.
 * Lateral subqueries end in `offset 0` so PostgreSQL computes their columns once per row instead of inlining the
 * md5 and time-zone expressions into every place that reads them.
 */

/**
 * A deterministic uniform number in [0, 1) from a text key: 8 hex digits of its md5 (chunk 0..3 picks which),
 * so a rerun of the generator with the same size and now writes the same organisation.
 */
export function rnd(key: string, chunk = 0): string {
  return fromHash(`md5(${key})`, chunk);
}

/** {@link rnd} from an md5 already computed (a column), so four numbers cost one hash. Float division, not numeric. */
export function fromHash(hash: string, chunk: number): string {
  return `(('x' || substr(${hash}, ${1 + 8 * chunk}, 8))::bit(32)::bigint::float8 / 4294967296.0::float8)`;
}

/** A lateral column list of four such numbers a, b, c, f from one key. */
export function fourRandoms(key: string): string {
  return `(select ${[0, 1, 2, 3].map((chunk) => `${fromHash("h.h", chunk)} as ${"abcf"[chunk]}`).join(", ")}
    from (select md5(${key}) as h offset 0) h offset 0)`;
}

/**
 * A uuid derived from a text key: stable ids let statements refer to rows without joining back. The version and
 * variant digits are set (4, 8), so the ids pass the API's uuid validation like generated ones.
 */
export function idOf(key: string): string {
  return `overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;
}

export function int(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number: ${value}`);
  return String(value);
}

export function text(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function instant(value: Date): string {
  return `${text(value.toISOString())}::timestamptz`;
}

export function date(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a date: ${isoDate}`);
  return `${text(isoDate)}::date`;
}

/** `array['a', 'b']` of fixed strings. */
export function textArray(values: readonly string[]): string {
  return `array[${values.map(text).join(", ")}]::text[]`;
}

/** A local wall-clock time on `day` (a date expression) at `minutes` after midnight, in zone `zone`. */
export function localAt(day: string, minutes: string, zone: string): string {
  return `((${day})::timestamp + make_interval(mins => (${minutes})::int)) at time zone ${zone}`;
}
