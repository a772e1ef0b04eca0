import { notFound } from "next/navigation";

/** Any other address under the app: "Page not found" inside the shell, with the navigation still there. */
export default function MissingPage(): never {
  notFound();
}
