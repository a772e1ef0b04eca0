export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages || messages.length === 0) return <span id={id} hidden />;
  return (
    <span className="field-error" id={id} role="alert">
      {messages.join(" ")}
    </span>
  );
}
