/** A UTF-16 surrogate without its other half: JSON may carry one (`"\ud800"`), UTF-8 and PostgreSQL cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text a sender wrote, made storable: NUL removed (PostgreSQL text refuses it, so one NUL would fail the whole
 * notification and the sender would retry it forever) and lone surrogates replaced by U+FFFD.
 */
export function cleanText(text: string): string {
  return text.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** A parsed JSON value with every string, keys included, cleaned as above. */
export function cleanJson(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [cleanText(key), cleanJson(child)]));
  }
  return value;
}
