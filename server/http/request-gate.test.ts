import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestGate } from "./request-gate";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("requestGate", () => {
  it("runs at most `limit` at once and lets the rest in by order of arrival", async () => {
    const gate = requestGate(2);
    const started: number[] = [];
    const releases: Array<() => void> = [];
    for (let n = 0; n < 5; n++)
      void gate.enter().then((release) => {
        started.push(n);
        releases.push(release);
      });
    await tick();
    expect(started).toEqual([0, 1]);
    expect([gate.running, gate.waiting]).toEqual([2, 3]);
    releases[1]?.();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    releases[0]?.();
    releases[2]?.();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect([gate.running, gate.waiting]).toEqual([2, 0]);
  });

  it("ignores a second release of the same request", async () => {
    const gate = requestGate(1);
    const first = await gate.enter();
    const second = gate.enter();
    const third = gate.enter();
    first();
    first();
    await second;
    await tick();
    expect([gate.running, gate.waiting]).toEqual([1, 1]);
    void third;
  });

  it("never lets a newcomer overtake a request already waiting", async () => {
    const gate = requestGate(1);
    const order: string[] = [];
    const first = await gate.enter();
    void gate.enter().then((release) => {
      order.push("waiting");
      release();
    });
    first();
    // Arrives after the slot was handed over but before the waiting request ran.
    void gate.enter().then((release) => {
      order.push("newcomer");
      release();
    });
    await tick();
    expect(order).toEqual(["waiting", "newcomer"]);
  });

  it("refuses a limit below one", () => {
    expect(() => requestGate(0)).toThrow(/at least 1/);
    expect(() => requestGate(1.5)).toThrow(/at least 1/);
  });

  it("holds for any order of arrivals and releases: never over the limit, FIFO, all served", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
        async (limit, holds) => {
          const gate = requestGate(limit);
          const started: number[] = [];
          let peak = 0;
          await Promise.all(
            holds.map(async (ticks, n) => {
              const release = await gate.enter();
              started.push(n);
              peak = Math.max(peak, gate.running);
              for (let i = 0; i < ticks; i++) await tick();
              release();
            }),
          );
          expect(peak).toBeLessThanOrEqual(limit);
          expect(started).toEqual(holds.map((_, n) => n));
          expect([gate.running, gate.waiting]).toEqual([0, 0]);
        },
      ),
    );
  });
});
