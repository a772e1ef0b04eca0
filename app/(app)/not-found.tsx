import type { Metadata } from "next";
import { PageNotFound } from "@/app/_components/page-not-found";

export const metadata: Metadata = { title: "Page not found" };

/** A page of the app asked for something that does not exist (a removed rotation): the shell stays around it. */
export default function NotFoundInApp() {
  return <PageNotFound />;
}
