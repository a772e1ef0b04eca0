/** Calls per batched request: the busiest page sends fewer; 100 report calls in one request is an attack. */
export const MAX_BATCH_SIZE = 10;
