"use client";

import { type UseMutationOptions, useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";

/**
 * A team setting saved from a form that leaves a note with Undo: the settings forms of one team share it.
 * `current` is the setting as saved (the mutation's input); a save remounts the form (formKey) so its fields show
 * the page's refreshed values, and Undo saves `current` as it was before the save back.
 */
export function useUndoableTeamSetting<Setting, Saved, Failure>(
  current: Setting,
  mutationOptions: (handlers: { onSuccess: () => void }) => UseMutationOptions<Saved, Failure, Setting>,
) {
  const router = useRouter();
  const [saved, setSaved] = useState<{ before: Setting; after: Setting } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const update = useMutation(
    mutationOptions({
      onSuccess: () => {
        setFormKey((key) => key + 1);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);
  return {
    saved,
    formKey,
    errors,
    pending: update.isPending,
    /** A refusal that names no field, shown above the fields. */
    failure: update.error && Object.keys(errors).length === 0 ? messageOf(update.error) : null,
    save: (after: Setting) => update.mutate(after, { onSuccess: () => setSaved({ before: current, after }) }),
    undo: () => {
      if (saved) update.mutate(saved.before, { onSuccess: () => setSaved(null) });
    },
  };
}
