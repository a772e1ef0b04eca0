import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BackupOrderError, type ForeignKey, parentsFirst, restoreOrder } from "./table-order";

const fk = (table: string, references: string, column = `${references}_id`): ForeignKey => ({
  table,
  references,
  columns: [column],
  refColumns: ["id"],
});

describe("restoreOrder", () => {
  test.each([
    ["no keys: alphabetical", ["b", "a", "c"], [], ["a", "b", "c"]],
    ["a chain", ["entry", "person", "org"], [fk("entry", "person"), fk("person", "org")], ["org", "person", "entry"]],
    [
      "a diamond, ties alphabetical",
      ["d", "c", "b", "a"],
      [fk("b", "a"), fk("c", "a"), fk("d", "b"), fk("d", "c")],
      ["a", "b", "c", "d"],
    ],
    [
      "a table referencing itself is placed by its other keys",
      ["interrupt", "team"],
      [fk("interrupt", "interrupt", "incident_id"), fk("interrupt", "team")],
      ["team", "interrupt"],
    ],
    ["a key to a table outside the list is ignored", ["entry"], [fk("entry", "elsewhere")], ["entry"]],
  ])("%s", (_label, tables, keys, expected) => {
    expect(restoreOrder(tables, keys)).toEqual(expected);
  });

  test("a cycle between tables is refused, naming them", () => {
    expect(() => restoreOrder(["a", "b", "c"], [fk("a", "b"), fk("b", "a")])).toThrow(BackupOrderError);
    expect(() => restoreOrder(["a", "b", "c"], [fk("a", "b"), fk("b", "a")])).toThrow(
      "The foreign keys of a, b form a cycle",
    );
  });

  test("every table comes after every table it references (random acyclic schemas)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat())), (count, pairs) => {
        const tables = Array.from({ length: count }, (_, i) => `t${String(i).padStart(2, "0")}`);
        // Only references to a lower number: acyclic by construction.
        const keys = pairs
          .map(([a, b]) => [a % count, b % count])
          .filter(([a, b]) => (a ?? 0) > (b ?? 0))
          .map(([a, b]) => fk(tables[a ?? 0] ?? "", tables[b ?? 0] ?? ""));
        const order = restoreOrder(tables, keys);
        expect([...order].sort()).toEqual(tables);
        for (const key of keys) expect(order.indexOf(key.references)).toBeLessThan(order.indexOf(key.table));
      }),
    );
  });
});

describe("parentsFirst", () => {
  const columns = ["id", "incident_id", "summary"];
  const self = [fk("interrupt", "interrupt", "incident_id")];
  const row = (id: string, incident: string | null) => [id, incident, `page ${id}`] as const;

  test.each([
    ["no self keys: unchanged", [row("b", "a"), row("a", null)], [], ["b", "a"]],
    ["a child before its head moves after it", [row("1", "9"), row("2", "9"), row("9", "9")], self, ["9", "1", "2"]],
    ["a chain listed backwards", [row("c", "b"), row("b", "a"), row("a", null)], self, ["a", "b", "c"]],
    [
      "a reference to a row not in the file is left to the database",
      [row("x", "gone"), row("y", null)],
      self,
      ["x", "y"],
    ],
    ["independent rows keep their order", [row("3", null), row("1", null), row("2", "3")], self, ["3", "1", "2"]],
  ])("%s", (_label, rows, keys, expected) => {
    expect(parentsFirst(rows, columns, keys).map((r) => r[0])).toEqual(expected);
  });

  test("rows referencing each other in a cycle are refused", () => {
    expect(() => parentsFirst([row("a", "b"), row("b", "a")], columns, self)).toThrow(BackupOrderError);
  });

  test("a long chain does not overflow the stack", () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => row(String(i), i === 0 ? null : String(i - 1))).reverse();
    const ordered = parentsFirst(rows, columns, self);
    expect(ordered[0]?.[0]).toBe("0");
    expect(ordered.at(-1)?.[0]).toBe("49999");
  });

  test("every referenced row comes first, and no row is lost (random forests)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), fc.array(fc.nat()), (parents, shuffle) => {
        // Row i references a lower-numbered row (or none): a forest. Then listed in a shuffled order.
        const rows = parents.map((p, i) => row(String(i), i === 0 || p % 3 === 0 ? null : String(p % i)));
        const listed = [...rows].sort(
          (a, b) => ((shuffle[Number(a[0])] ?? 0) % 7) - ((shuffle[Number(b[0])] ?? 0) % 7),
        );
        const ordered = parentsFirst(listed, columns, self);
        expect(ordered.map((r) => r[0]).sort()).toEqual(rows.map((r) => r[0]).sort());
        const position = new Map(ordered.map((r, i) => [r[0], i]));
        for (const r of ordered) if (r[1] !== null) expect(position.get(r[1])).toBeLessThan(position.get(r[0]) ?? -1);
      }),
    );
  });
});
