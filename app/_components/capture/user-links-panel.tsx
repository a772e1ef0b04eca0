"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/app/_lib/field-errors";
import { useTRPC } from "@/app/_lib/trpc";
import { useStatus } from "@/app/_components/app-status";
import { Field } from "@/app/_components/field";
import { scrollRegion } from "@/app/_components/scroll-region";

type System = "pagerduty" | "jira";
const SYSTEM_NAME: Record<System, string> = { pagerduty: "PagerDuty", jira: "Jira" };

/**
 * Settings: who each PagerDuty user and Jira account is in this team. Imports remember the names they matched;
 * planners correct a link by choosing another person, or add one (a Jira account id, since Jira hides emails).
 */
export function UserLinksPanel({
  teamId,
  members,
}: {
  teamId: string;
  members: ReadonlyArray<{ personId: string; name: string }>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useStatus();
  const links = useQuery(trpc.integrations.userLinks.queryOptions({ teamId }));
  const [system, setSystem] = useState<System>("pagerduty");
  const [externalUserId, setExternalUserId] = useState("");
  const [externalName, setExternalName] = useState("");
  const [personId, setPersonId] = useState("");
  const link = useMutation(
    trpc.integrations.linkUser.mutationOptions({
      onSuccess: (result) => {
        announce({
          text: `${SYSTEM_NAME[result.system as System] ?? result.system} user ${result.externalName} is now ${result.personName}.`,
        });
        setExternalUserId("");
        setExternalName("");
      },
      onError: (failure) => announce({ text: `Could not save the link: ${messageOf(failure)}`, tone: "error" }),
      onSettled: () => queryClient.invalidateQueries(trpc.integrations.userLinks.queryFilter({ teamId })),
    }),
  );
  const errors = fieldErrorsOf(link.error);
  const refresh = () => queryClient.invalidateQueries(trpc.integrations.userLinks.queryFilter({ teamId }));
  const restore = useMutation(
    trpc.integrations.restoreUserLink.mutationOptions({
      onSuccess: (result) => announce({ text: `${result.externalName} is ${result.personName} again.` }),
      onError: (failure) => announce({ text: `Could not restore the link: ${messageOf(failure)}`, tone: "error" }),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.integrations.removeUserLink.mutationOptions({
      onSuccess: (result) =>
        announce({
          text: `${result.externalName} is nobody in this team now: what they capture is credited to whoever is on duty.`,
          tone: "info",
          action: {
            label: "Undo",
            run: () =>
              restore.mutate({ teamId, system: result.system as System, externalUserId: result.externalUserId }),
          },
        }),
      onError: (failure) => announce({ text: `Could not remove the link: ${messageOf(failure)}`, tone: "error" }),
      onSettled: refresh,
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    link.mutate({ teamId, system, externalUserId, externalName, personId });
  }

  return (
    <div className="stack">
      <h3 className="subhead" id="user-links-heading">
        People in PagerDuty and Jira
      </h3>
      {links.data && links.data.length > 0 ? (
        <div {...scrollRegion("Users of PagerDuty and Jira")}>
          <table>
            <caption className="visually-hidden">Users of PagerDuty and Jira, and who they are in this team</caption>
            <thead>
              <tr>
                <th scope="col">System</th>
                <th scope="col">User</th>
                <th scope="col">Is</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.data.map((row) => (
                <tr key={`${row.system}:${row.externalUserId}`}>
                  <td>{SYSTEM_NAME[row.system as System] ?? row.system}</td>
                  <td>
                    {row.externalName} <code className="stat-note">{row.externalUserId}</code>
                  </td>
                  <td>
                    <select
                      aria-label={`Who ${row.externalName} is`}
                      value={row.removedAt ? "" : row.personId}
                      disabled={link.isPending}
                      onChange={(event) =>
                        event.target.value &&
                        link.mutate({
                          teamId,
                          system: row.system as System,
                          externalUserId: row.externalUserId,
                          externalName: row.externalName,
                          personId: event.target.value,
                        })
                      }
                    >
                      {row.removedAt ? <option value="">Nobody in this team</option> : null}
                      {members.map((member) => (
                        <option key={member.personId} value={member.personId}>
                          {member.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {row.removedAt ? (
                      <button
                        type="button"
                        className="button secondary"
                        disabled={restore.isPending}
                        onClick={() =>
                          restore.mutate({ teamId, system: row.system as System, externalUserId: row.externalUserId })
                        }
                      >
                        Restore<span className="visually-hidden"> {row.externalName}</span>
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button secondary"
                        disabled={remove.isPending}
                        onClick={() =>
                          remove.mutate({ teamId, system: row.system as System, externalUserId: row.externalUserId })
                        }
                      >
                        Nobody here<span className="visually-hidden">: {row.externalName}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="stat-note">No links yet: a PagerDuty import remembers the names it matches, or add one below.</p>
      )}
      <form className="row" onSubmit={onSubmit} noValidate aria-label="Link a user">
        <div className="field">
          <label htmlFor="link-system">System</label>
          <select
            id="link-system"
            value={system}
            onChange={(event) => setSystem(event.target.value === "jira" ? "jira" : "pagerduty")}
          >
            <option value="pagerduty">PagerDuty</option>
            <option value="jira">Jira</option>
          </select>
        </div>
        <Field id="link-id" label={system === "jira" ? "Account id" : "User id"} errors={errors.externalUserId}>
          {(control) => (
            <input {...control} value={externalUserId} onChange={(event) => setExternalUserId(event.target.value)} />
          )}
        </Field>
        <Field id="link-name" label="Name there" errors={errors.externalName}>
          {(control) => (
            <input {...control} value={externalName} onChange={(event) => setExternalName(event.target.value)} />
          )}
        </Field>
        <Field id="link-person" label="Is" errors={errors.personId}>
          {(control) => (
            <select {...control} value={personId} onChange={(event) => setPersonId(event.target.value)}>
              <option value="">Choose a member</option>
              {members.map((member) => (
                <option key={member.personId} value={member.personId}>
                  {member.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <button type="submit" className="button secondary" disabled={link.isPending}>
            Link
          </button>
        </div>
      </form>
    </div>
  );
}
