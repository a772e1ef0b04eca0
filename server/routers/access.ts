import { adminProcedure, router } from "@/server/trpc/init";
import { auditLogInput, issuePasswordResetInput, setPersonActiveInput } from "@/server/schemas/access";
import { issueAndDeliverPasswordReset } from "@/server/services/access/issue-password-reset";
import { listPeopleAccess } from "@/server/services/access/list-people";
import { readAuditLog } from "@/server/services/access/read-audit-log";
import { setPersonActive } from "@/server/services/access/set-person-active";

/** Admins only: who can sign in, taking access back at once, password-reset links, and the audit log. */
export const accessRouter = router({
  people: adminProcedure.query(({ ctx }) => listPeopleAccess(ctx.db, ctx.viewer)),
  deactivate: adminProcedure
    .input(setPersonActiveInput)
    .mutation(({ ctx, input }) =>
      setPersonActive(ctx.db, ctx.viewer, { personId: input.personId, active: false }, ctx.now()),
    ),
  reactivate: adminProcedure
    .input(setPersonActiveInput)
    .mutation(({ ctx, input }) =>
      setPersonActive(ctx.db, ctx.viewer, { personId: input.personId, active: true }, ctx.now()),
    ),
  issuePasswordReset: adminProcedure
    .input(issuePasswordResetInput)
    .mutation(({ ctx, input }) => issueAndDeliverPasswordReset(ctx.db, ctx.viewer, input, ctx.now())),
  auditLog: adminProcedure.input(auditLogInput).query(({ ctx, input }) => readAuditLog(ctx.db, ctx.viewer, input)),
});
