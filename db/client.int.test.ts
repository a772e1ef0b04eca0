import { describe, expect, test } from "vitest";
import { DatabaseConfigError, openPostgres } from "./client";

describe("DATABASE_URL problems fail with one clear line", () => {
  test.each([
    ["not a url", /not a valid URL/],
    ["mysql://root@127.0.0.1/x", /must start with postgres:\/\//],
    ["postgres://nobody@127.0.0.1:1/nothing", /Cannot reach PostgreSQL at 127\.0\.0\.1:1\/nothing/],
  ])("%s", async (url, message) => {
    const failure = openPostgres(url);
    await expect(failure).rejects.toThrow(DatabaseConfigError);
    await expect(openPostgres(url)).rejects.toThrow(message);
  });
});
