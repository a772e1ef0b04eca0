import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { teamId } from "@/server/schemas/common";
import { issuesText } from "@/server/schemas/issue-text";
import { unsafeTextIssues } from "@/server/schemas/text";
import { mayActInTeam, type TeamRole } from "@/server/auth/permissions";
import { afterShareChange } from "@/server/services/breaches/after-share-change";
import { DomainError, type DomainErrorKind } from "@/server/services/errors";
import type { Context } from "./context";
import { type ProcedureMeta, shareChangeOf } from "./moves-shares";

const STATUS_OF: Record<DomainErrorKind, TRPCError["code"]> = {
  "not-found": "NOT_FOUND",
  forbidden: "FORBIDDEN",
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
};

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof z.ZodError
          ? z.flattenError(cause).fieldErrors
          : cause instanceof DomainError && cause.field
            ? { [cause.field]: [cause.message] }
            : null;
      // Never leak internals: an unexpected error keeps its code but not its message or stack.
      const message =
        error.code === "INTERNAL_SERVER_ERROR"
          ? "Something went wrong on our side."
          : cause instanceof z.ZodError
            ? issuesText(cause)
            : shape.message;
      return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, fieldErrors } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps the services' DomainError to a tRPC code, in one place. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: STATUS_OF[cause.kind], message: cause.message, cause });
  }
  return result;
});

/** Refuses NUL and unpaired surrogates in any text of the input, naming the field, before any schema runs. */
const safeText = t.middleware(async ({ getRawInput, next }) => {
  const issues = unsafeTextIssues(await getRawInput());
  if (issues.length > 0) throw new TRPCError({ code: "BAD_REQUEST", cause: new z.ZodRealError(issues) });
  return next();
});

/**
 * After a successful call of a procedure declaring `movesShares`, queues the people it moved for the cap-breach
 * check (behind the answer, never failing it): declared once on the procedure, so no router line can forget it.
 */
const sharesMoved = t.middleware(async ({ ctx, meta, getRawInput, next }) => {
  const result = await next();
  const moves = meta?.movesShares;
  if (result.ok && moves) {
    const rawInput = await getRawInput();
    await afterShareChange(ctx, result.data, (data) =>
      shareChangeOf(moves, ctx.viewer?.personId ?? null, rawInput, data),
    );
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors).use(safeText).use(sharesMoved);

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

export const adminProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer.isAdmin) throw new TRPCError({ code: "FORBIDDEN", message: "Only an administrator may do this." });
  return next();
});

export const teamInput = z.object({ teamId });

/** A procedure on one team's data: the caller must hold one of `roles` in that team (admins always may). */
export function teamProcedure(roles: readonly TeamRole[], what: string) {
  return signedInProcedure.input(teamInput).use(({ ctx, input, next }) => {
    if (!mayActInTeam(ctx.viewer, input.teamId, roles)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Only a ${what} of this team may do this.` });
    }
    return next();
  });
}

export const teamMemberProcedure = teamProcedure(["engineer", "manager", "planner"], "member");
export const managerProcedure = teamProcedure(["manager"], "manager");
export const plannerProcedure = teamProcedure(["planner", "manager"], "planner or manager");

/**
 * Runs the procedure in one read-only transaction: a report sees one snapshot of the data (an entry logged while
 * it reads cannot land in one figure and not another), and the database refuses any write it might attempt.
 */
export const readOnly = t.middleware(({ ctx, next }) =>
  ctx.db.transaction((tx) => next({ ctx: { db: tx } }), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  }),
);
