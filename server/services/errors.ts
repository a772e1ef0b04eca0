/** The one error type services throw; the tRPC layer maps `kind` to a status in one place. */
export type DomainErrorKind = "not-found" | "forbidden" | "conflict" | "invalid";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The input field the message is about, so forms can show it beside that field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
