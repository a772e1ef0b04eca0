import { afterEach } from "vitest";
import { settleBackgroundWork } from "@/server/services/breaches/background";

// A test's writes queue cap-breach checks behind their answers; they finish inside that test, never in the next.
afterEach(async () => {
  await settleBackgroundWork();
});
