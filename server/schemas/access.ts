import { z } from "zod";

/** Inputs of the admin's access procedures (issue 12). */
export const setPersonActiveInput = z.strictObject({ personId: z.uuid("personId must be a person's id") });

export const auditLogInput = z
  .strictObject({
    actorPersonId: z.uuid("actorPersonId must be a person's id").optional(),
    action: z.string().trim().max(80, "At most 80 characters").regex(/^[a-z0-9.-]*$/, "Actions look like person.deactivate").optional(),
    from: z.date("from must be a date").optional(),
    to: z.date("to must be a date").optional(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from < filter.to, { message: "from must be before to", path: ["to"] });
