import fc from "fast-check";

/**
 * Property tests explore new random cases on every developer run, where a failure is a finding: fix it and keep
 * its counterexample as an `examples` entry. In CI (CI=true) they replay one fixed seed (FC_SEED to choose another),
 * so a run is reproducible and main does not turn red by chance on code that already passed.
 */
if (process.env.CI === "true" || process.env.CI === "1") {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261207) });
}
