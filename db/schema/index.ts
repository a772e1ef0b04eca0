export * from "./auth";
export * from "./people";
export * from "./work-log";
export * from "./interrupts";
export * from "./rotations";
export * from "./audit";
export * from "./reports";
export * from "./api-tokens";
