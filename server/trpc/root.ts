import "server-only";
import { accessRouter } from "@/server/routers/access";
import { instanceRouter } from "@/server/routers/instance";
import { rotationsRouter } from "@/server/routers/rotations";
import { workLogRouter } from "@/server/routers/work-log";
import { templatesRouter } from "@/server/routers/templates";
import { timerRouter } from "@/server/routers/timer";
import { interruptsRouter } from "@/server/routers/interrupts";
import { shareRouter } from "@/server/routers/share";
import { profileRouter } from "@/server/routers/profile";
import { catalogRouter } from "@/server/routers/catalog";
import { teamsRouter } from "@/server/routers/teams";
import { viewerRouter } from "@/server/routers/viewer";
import { apiTokensRouter } from "@/server/routers/api-tokens";
import { workspaceRouter } from "@/server/routers/workspace";
import { reportsRouter } from "@/server/routers/reports";
import { captureRouter } from "@/server/routers/capture";
import { integrationsRouter } from "@/server/routers/integrations";
import { ticketsRouter } from "@/server/routers/tickets";
import { reviewRouter } from "@/server/routers/review";
import { handoffsRouter } from "@/server/routers/handoffs";
import { breachesRouter } from "@/server/routers/breaches";
import { invitationsRouter } from "@/server/routers/invitations";
import { passwordResetRouter } from "@/server/routers/password-reset";
import { homeRouter } from "@/server/routers/home";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  instance: instanceRouter,
  access: accessRouter,
  viewer: viewerRouter,
  teams: teamsRouter,
  rotations: rotationsRouter,
  workLog: workLogRouter,
  templates: templatesRouter,
  timer: timerRouter,
  interrupts: interruptsRouter,
  share: shareRouter,
  profile: profileRouter,
  catalog: catalogRouter,
  apiTokens: apiTokensRouter,
  workspace: workspaceRouter,
  reports: reportsRouter,
  capture: captureRouter,
  integrations: integrationsRouter,
  tickets: ticketsRouter,
  review: reviewRouter,
  handoffs: handoffsRouter,
  breaches: breachesRouter,
  invitations: invitationsRouter,
  passwordReset: passwordResetRouter,
  home: homeRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
