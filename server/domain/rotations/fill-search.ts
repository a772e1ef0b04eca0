/**
 * The search behind fairFill, over plain indexes: people are indexes into the distinct participants,
 * turns are indexes into the turns being planned.
 */
export interface FillProblem {
  peopleCount: number;
  /** Weighted hours of each turn. */
  weights: readonly number[];
  /** Per turn, who may take it (nobody on leave during any of it), in turn order. */
  available: ReadonlyArray<readonly number[]>;
  /** Per person, weighted hours carried in from before. */
  priorLoad: readonly number[];
  /** Per turn, whom plain round-robin gives it (null when the rotation has nobody). */
  designated: ReadonlyArray<number | null>;
}

/** Per turn, the person taking it, or null when nobody is available. */
export type FillPlan = Array<number | null>;

interface FillObjective {
  backToBack: number;
  spread: number;
  squares: number;
}

/** Float sums of hours differ in the last bits; smaller differences are not improvements. */
const TOLERANCE = 1e-9;
const MAX_IMPROVEMENT_PASSES = 20;

/** Back-to-back turns first (avoid where possible), then the spread of load, then its unevenness overall. */
function isBetter(a: FillObjective, b: FillObjective): boolean {
  if (a.backToBack !== b.backToBack) return a.backToBack < b.backToBack;
  if (Math.abs(a.spread - b.spread) > TOLERANCE) return a.spread < b.spread;
  return a.squares < b.squares - TOLERANCE;
}

function loadsOf(problem: FillProblem, plan: FillPlan): number[] {
  const loads = [...problem.priorLoad];
  plan.forEach((person, turn) => {
    if (person !== null) loads[person] = (loads[person] ?? 0) + (problem.weights[turn] ?? 0);
  });
  return loads;
}

function backToBackAround(plan: FillPlan, turn: number): number {
  const person = plan[turn];
  if (person === null || person === undefined) return 0;
  return (plan[turn - 1] === person ? 1 : 0) + (plan[turn + 1] === person ? 1 : 0);
}

function objectiveOf(plan: FillPlan, loads: readonly number[]): FillObjective {
  let backToBack = 0;
  for (let turn = 1; turn < plan.length; turn += 1) {
    if (plan[turn] !== null && plan[turn] === plan[turn - 1]) backToBack += 1;
  }
  return objectiveWith(backToBack, loads);
}

function objectiveWith(backToBack: number, loads: readonly number[]): FillObjective {
  if (loads.length === 0) return { backToBack, spread: 0, squares: 0 };
  return {
    backToBack,
    spread: Math.max(...loads) - Math.min(...loads),
    squares: loads.reduce((sum, load) => sum + load * load, 0),
  };
}

/** Each turn to the least-loaded available person, skipping the previous holder when someone else can go. */
export function greedyPlan(problem: FillProblem): FillPlan {
  const loads = [...problem.priorLoad];
  const plan: FillPlan = [];
  problem.available.forEach((options, turn) => {
    const previous = plan[turn - 1] ?? null;
    const rested = options.filter((person) => person !== previous);
    let chosen: number | null = null;
    // `options` lists people in participant order, so the strict `<` breaks ties by that order.
    for (const person of rested.length > 0 ? rested : options) {
      if (chosen === null || (loads[person] ?? 0) < (loads[chosen] ?? 0) - TOLERANCE) chosen = person;
    }
    if (chosen !== null) loads[chosen] = (loads[chosen] ?? 0) + (problem.weights[turn] ?? 0);
    plan.push(chosen);
  });
  return plan;
}

/** Plain round-robin, passing a turn on to the next person in order when its holder is away. */
export function roundRobinPlan(problem: FillProblem): FillPlan {
  const plan: FillPlan = [];
  problem.available.forEach((options, turn) => {
    const previous = plan[turn - 1] ?? null;
    const designated = problem.designated[turn] ?? null;
    if (options.length === 0 || designated === null) {
      plan.push(options[0] ?? null);
      return;
    }
    const inOrderFromDesignated = Array.from(
      { length: problem.peopleCount },
      (_, step) => (designated + step) % problem.peopleCount,
    ).filter((person) => options.includes(person));
    plan.push(inOrderFromDesignated.find((person) => person !== previous) ?? inOrderFromDesignated[0] ?? null);
  });
  return plan;
}

/** Moves single turns to other available people while that strictly improves the objective. */
export function improvePlan(problem: FillProblem, initial: FillPlan): FillPlan {
  const plan = [...initial];
  const loads = loadsOf(problem, plan);
  let current = objectiveOf(plan, loads);
  for (let pass = 0; pass < MAX_IMPROVEMENT_PASSES; pass += 1) {
    let improved = false;
    plan.forEach((holder, turn) => {
      if (holder === null) return;
      const weight = problem.weights[turn] ?? 0;
      for (const person of problem.available[turn] ?? []) {
        const from = plan[turn] ?? null;
        if (from === null || person === from) continue;
        const before = backToBackAround(plan, turn);
        plan[turn] = person;
        loads[from] = (loads[from] ?? 0) - weight;
        loads[person] = (loads[person] ?? 0) + weight;
        const candidate = objectiveWith(current.backToBack - before + backToBackAround(plan, turn), loads);
        if (isBetter(candidate, current)) {
          current = candidate;
          improved = true;
        } else {
          plan[turn] = from;
          loads[from] = (loads[from] ?? 0) + weight;
          loads[person] = (loads[person] ?? 0) - weight;
        }
      }
    });
    if (!improved) break;
  }
  return plan;
}

/** The better of greedy and round-robin, then improved: never worse than plain round-robin by the objective. */
export function searchFill(problem: FillProblem): FillPlan {
  const greedy = greedyPlan(problem);
  const roundRobin = roundRobinPlan(problem);
  const better = isBetter(
    objectiveOf(roundRobin, loadsOf(problem, roundRobin)),
    objectiveOf(greedy, loadsOf(problem, greedy)),
  )
    ? roundRobin
    : greedy;
  return improvePlan(problem, better);
}
