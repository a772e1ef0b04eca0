/**
 * Jira Cloud issue webhooks as Jira posts them (`webhookEvent`, `issue_event_type_name`, `user`, `issue` with its
 * `fields`, and a `changelog` on updates), trimmed of the avatar and schema noise Toilcap ignores, for tests.
 */

export interface JiraTestUser {
  accountId: string;
  displayName: string;
  /** Jira Cloud hides it unless the user's profile allows: often "" or absent. */
  emailAddress?: string;
}

export interface JiraTestIssue {
  key: string;
  summary: string;
  created: string;
  assignee: JiraTestUser | null;
  resolutiondate?: string | null;
  priority?: string;
  component?: string;
}

const SITE = "https://acme.atlassian.net";

const userJson = (user: JiraTestUser) => ({
  self: `${SITE}/rest/api/2/user?accountId=${user.accountId}`,
  accountId: user.accountId,
  emailAddress: user.emailAddress ?? "",
  displayName: user.displayName,
  active: true,
  timeZone: "Europe/Berlin",
  accountType: "atlassian",
});

function issueJson(issue: JiraTestIssue) {
  const id = String(10_000 + Number(issue.key.replace(/\D/g, "")));
  return {
    id,
    self: `${SITE}/rest/api/2/issue/${id}`,
    key: issue.key,
    fields: {
      statuscategorychangedate: issue.created,
      issuetype: { self: `${SITE}/rest/api/2/issuetype/10004`, id: "10004", name: "Task", subtask: false },
      project: {
        self: `${SITE}/rest/api/2/project/10000`,
        id: "10000",
        key: issue.key.split("-")[0],
        name: "Operations",
        projectTypeKey: "service_desk",
      },
      resolution: issue.resolutiondate
        ? { self: `${SITE}/rest/api/2/resolution/10000`, id: "10000", name: "Done" }
        : null,
      resolutiondate: issue.resolutiondate ?? null,
      created: issue.created,
      updated: issue.resolutiondate ?? issue.created,
      priority: { self: `${SITE}/rest/api/2/priority/2`, name: issue.priority ?? "High", id: "2" },
      labels: [],
      assignee: issue.assignee ? userJson(issue.assignee) : null,
      status: { name: issue.resolutiondate ? "Done" : "To Do", id: issue.resolutiondate ? "10002" : "10000" },
      components: issue.component
        ? [{ self: `${SITE}/rest/api/2/component/10001`, id: "10001", name: issue.component }]
        : [],
      summary: issue.summary,
      reporter: userJson({ accountId: "557058:reporter", displayName: "Service Desk" }),
    },
  };
}

export function issueCreated(issue: JiraTestIssue, timestamp: number) {
  return {
    timestamp,
    webhookEvent: "jira:issue_created",
    issue_event_type_name: "issue_created",
    user: userJson({ accountId: "557058:reporter", displayName: "Service Desk" }),
    issue: issueJson(issue),
  };
}

export interface JiraChange {
  field: "assignee" | "resolution" | "status" | "priority";
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export function issueUpdated(
  issue: JiraTestIssue,
  timestamp: number,
  changelogId: string,
  items: JiraChange[],
  eventTypeName = "issue_generic",
) {
  return {
    timestamp,
    webhookEvent: "jira:issue_updated",
    issue_event_type_name: eventTypeName,
    user: userJson({ accountId: "557058:actor", displayName: "Someone" }),
    issue: issueJson(issue),
    changelog: {
      id: changelogId,
      items: items.map((item) => ({
        ...item,
        fieldtype: "jira",
        fieldId: item.field,
        tmpFromAccountId: null,
        tmpToAccountId: null,
      })),
    },
  };
}
