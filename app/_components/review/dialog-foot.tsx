/** The foot of a review dialog: Esc's hint, Cancel, and the save button, which waits while saving. */
export function ReviewDialogFoot({
  pending,
  saveLabel,
  onClose,
}: {
  pending: boolean;
  saveLabel: string;
  onClose: () => void;
}) {
  return (
    <div className="modal-foot">
      <p className="kbd-hint">
        <kbd>Esc</kbd> closes without saving
      </p>
      <div className="modal-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : saveLabel}
        </button>
      </div>
    </div>
  );
}
