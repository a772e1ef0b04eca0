import fc from "fast-check";

/**
 * Hostile inputs for the procedures: a valid input with one place broken. A path is a list of keys
 * (array indexes as numbers) from the input's root; the root itself is the empty path.
 */
export type InputPath = Array<string | number>;

export interface Mutation {
  path: InputPath;
  kind: "replace" | "unknown-key";
  value: unknown;
  describe: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Every place in the input that can be broken: objects, arrays and their leaves, and the root. */
export function leafPaths(value: unknown, at: InputPath = []): InputPath[] {
  const here = [at];
  if (isPlainObject(value))
    return [...here, ...Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...at, key]))];
  if (Array.isArray(value)) return [...here, ...value.slice(0, 3).flatMap((child, i) => leafPaths(child, [...at, i]))];
  return here;
}

function objectPaths(value: unknown, paths: InputPath[]): InputPath[] {
  return paths.filter((path) => isPlainObject(valueAt(value, path)));
}

function valueAt(value: unknown, path: InputPath): unknown {
  let target = value;
  for (const key of path) {
    if (typeof target !== "object" || target === null) return undefined;
    target = Reflect.get(target, key);
  }
  return target;
}

const SQL = ["' OR '1'='1", "1; DROP TABLE person; --", "\\x00", "%' --", "$$; select pg_sleep(10); $$"];
const HTML = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
];

/** Text no procedure accepts anywhere: NUL, and UTF-16 surrogates without their other half (alone or inside text). */
export const UNSAFE_TEXT = ["\u0000", "on call\u0000", "\uD800", "pager \uDFFF duty", "\uDBFF\uDBFF", "a\uDC00b"];

export function isUnsafeText(value: unknown): boolean {
  return typeof value === "string" && UNSAFE_TEXT.includes(value);
}

/** Values no schema of ours accepts where a different type is expected, and strings that break ids and enums. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(-1),
  fc.integer({ min: -1_000_000_000, max: -1 }),
  fc.double({ noNaN: false }),
  fc.constant(2 ** 53 + 1),
  fc.constant("x".repeat(100_001)),
  fc.constant(""),
  fc.constantFrom(...SQL, ...HTML),
  fc.constantFrom(...UNSAFE_TEXT),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ __proto__: { admin: true } }),
  fc.boolean(),
  fc.constant(new Date("1900-01-01T00:00:00Z")),
  fc.constant(new Date("3000-01-01T00:00:00Z")),
  fc.constant(new Date(Number.NaN)),
  fc.constant("2026-11-18T10:00:00Z"),
);

function described(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date(${value.toISOString()})`;
  if (typeof value === "string")
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === "number") return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** One broken place: a value replaced by a hostile one, or an unknown key added to an object. */
export function hostileMutation(paths: InputPath[], valid?: unknown): fc.Arbitrary<Mutation> {
  const replace = fc.record({ path: fc.constantFrom(...paths), value: hostileValue }).map(
    ({ path, value }): Mutation => ({
      path,
      kind: "replace",
      value,
      describe: `${path.join(".") || "(root)"} = ${described(value)}`,
    }),
  );
  const containers = valid === undefined ? paths : objectPaths(valid, paths);
  const unknownKey = fc
    .record({
      path: fc.constantFrom(...(containers.length > 0 ? containers : [[]])),
      key: fc.constantFrom("isAdmin", "personId", "__proto__x", "role", "x"),
    })
    .map(
      ({ path, key }): Mutation => ({
        path: [...path, key],
        kind: "unknown-key",
        value: true,
        describe: `unknown key ${[...path, key].join(".")}`,
      }),
    );
  return fc.oneof({ arbitrary: replace, weight: 4 }, { arbitrary: unknownKey, weight: 1 });
}

function cloned(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(cloned);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloned(v)]));
  return value;
}

/** The valid input with the mutation applied; the valid input itself is left alone. */
export function breakInput(valid: unknown, mutation: Mutation): unknown {
  if (mutation.path.length === 0) return mutation.value;
  const copy = cloned(valid);
  const parentPath = mutation.path.slice(0, -1);
  const key = mutation.path[mutation.path.length - 1];
  const parent = parentPath.length === 0 ? copy : valueAt(copy, parentPath);
  if (key === undefined || typeof parent !== "object" || parent === null) return copy;
  if (mutation.kind === "unknown-key" && isPlainObject(parent) && key in parent) return copy;
  Reflect.set(parent, key, mutation.value);
  return copy;
}
