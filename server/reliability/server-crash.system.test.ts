import { describe, expect, test } from "vitest";
import { ENGINES, unavailable } from "./engines";
import { serverCrashScenario } from "./server-crash";

describe.each(ENGINES)("kill -9 of the production server on %s in the middle of a write load", (engine) => {
  test.skipIf(unavailable(engine))(
    "restarts on the same data: every acknowledged write is there, the database opens cleanly, the app answers",
    async () => {
      const report = await serverCrashScenario(engine, { connections: 50, killAfterAcks: 40 });
      const acknowledged = report.load.acked.entries.length + report.load.acked.alerts.length;
      console.info(
        `${engine}: killed PID ${report.killedPid} after ${acknowledged} acknowledged writes ` +
          `with ${report.inFlightAtKill} in flight; missing after the restart: ${report.missing.entries.length + report.missing.alerts.length}`,
      );
      expect(acknowledged).toBeGreaterThanOrEqual(40);
      // Killed while writes were in flight, not after the load had ended.
      expect(report.inFlightAtKill).toBeGreaterThan(10);
      expect(report.load.serverErrors, report.load.samples.join("\n")).toBe(0);
      expect(report.missing, report.logs.slice(-4000)).toEqual({ entries: [], alerts: [] });
      expect(report.answeredAfterRestart).toBe(true);
      expect(report.migrations.applied).toBe(report.migrations.journal);
      if (engine === "pglite") {
        // The dead server's lock file was still there, and the restart took it over as stale.
        expect(report.staleLock).toEqual({ present: true, pid: report.killedPid });
      }
    },
  );
});
