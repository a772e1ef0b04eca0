import { z } from "zod";
import { teamId } from "./common";

/** My work for the team chosen in the shell; null when the viewer sees no team. */
export const myWorkInput = z.strictObject({ teamId: teamId.nullable() });
