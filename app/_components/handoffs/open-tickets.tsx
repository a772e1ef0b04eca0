/** The tickets still open at a hand-off: what whoever is on next inherits. */
export function OpenTickets({ tickets }: { tickets: ReadonlyArray<{ id: string; summary: string }> }) {
  if (tickets.length === 0) return <p className="stat-note">No tickets were open at the hand-off.</p>;
  return (
    <details className="open-tickets">
      <summary>
        {tickets.length} {tickets.length === 1 ? "ticket" : "tickets"} still open at the hand-off
      </summary>
      <ul>
        {tickets.map((ticket) => (
          <li key={ticket.id}>{ticket.summary}</li>
        ))}
      </ul>
    </details>
  );
}
