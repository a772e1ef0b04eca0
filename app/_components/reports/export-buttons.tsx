"use client";

import { stringify } from "csv-stringify/browser/esm/sync";
import { useEffect, useState } from "react";
import { neutraliseFormula } from "@/server/security/csv-cell";
import type { ExportRow } from "./types";

/** Offers a table as CSV or JSON, built in the browser from the rows shown, and a printable page. */
export function ExportButtons({
  fileName,
  label,
  columns,
  rows,
}: {
  fileName: string;
  label: string;
  columns: string[];
  rows: ExportRow[];
}) {
  // The files are built by script: until it runs, a click would do nothing, so the buttons wait for it.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  function download(text: string, type: string, extension: string) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName}.${extension}`;
    document.body.append(link);
    link.click();
    link.remove();
    // Give the browser a moment to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <div className="export-bar" role="group" aria-label={`Export ${label}`}>
      <button
        type="button"
        className="button secondary small"
        disabled={!ready}
        onClick={() =>
          download(
            stringify(rows, { header: true, columns, cast: { string: neutraliseFormula } }),
            "text/csv;charset=utf-8",
            "csv",
          )
        }
      >
        CSV<span className="visually-hidden"> of {label}</span>
      </button>
      <button
        type="button"
        className="button secondary small"
        disabled={!ready}
        onClick={() => download(`${JSON.stringify(rows, null, 2)}\n`, "application/json", "json")}
      >
        JSON<span className="visually-hidden"> of {label}</span>
      </button>
      <button type="button" className="button secondary small" disabled={!ready} onClick={() => window.print()}>
        Print
      </button>
    </div>
  );
}
