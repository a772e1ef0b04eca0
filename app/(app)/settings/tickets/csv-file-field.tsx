"use client";

import { type DragEvent, type Ref, useState } from "react";

/**
 * A CSV file chooser that also takes a file dropped anywhere on it. The file input stays the control (it is
 * focusable and works by keyboard); dropping is a shortcut for the mouse.
 */
export function CsvFileField({
  file,
  onFile,
  problem,
  inputRef,
}: {
  file: File | null;
  onFile: (file: File | null) => void;
  problem: string | null;
  inputRef: Ref<HTMLInputElement>;
}) {
  const [dragging, setDragging] = useState(false);

  function onDragOver(event: DragEvent) {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a shortcut for the pointer; the file input inside is the keyboard's way
    <div
      className={`field drop-zone${dragging ? " dragging" : ""}`}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor="ticket-file">CSV file</label>
      <input
        id="ticket-file"
        ref={inputRef}
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        aria-invalid={problem ? true : undefined}
        aria-describedby="ticket-file-hint ticket-file-error"
      />
      <span className="hint" id="ticket-file-hint">
        {file
          ? `${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB) is ready to preview.`
          : "Choose a file, or drop one here. At most 5 MB and 5,000 tickets."}
      </span>
      <p id="ticket-file-error" className="field-error" role={problem ? "alert" : undefined} style={{ margin: 0 }}>
        {problem}
      </p>
    </div>
  );
}
