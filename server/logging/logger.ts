import pino from "pino";

/**
 * The app's one logger: JSON lines in production (one object per line, for the log pipeline), pretty in
 * development, silent under vitest. Header and body fields that carry credentials are never written.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  redact: {
    paths: [
      "headers.cookie",
      "headers.authorization",
      'headers["set-cookie"]',
      'headers["x-api-key"]',
      "*.password",
      "*.secret",
      "*.token",
    ],
    censor: "[redacted]",
  },
  transport:
    process.env.NODE_ENV === "development" ? { target: "pino-pretty", options: { singleLine: true } } : undefined,
});

/** A logger whose lines carry the request's id (`x-request-id`), so one request's lines can be found together. */
export function requestLogger(headers: Headers) {
  return logger.child({ reqId: headers.get(REQUEST_ID_HEADER) ?? undefined });
}

export const REQUEST_ID_HEADER = "x-request-id";
