// The committed database types are what `npm run typegen` produces from the live schema: a migration without
// regenerated types fails here.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { generateTypes, typesFile } from "../../scripts/typegen";

it("src/types/database.types.ts matches a fresh generation (run `npm run typegen`)", async () => {
  const fresh = await generateTypes();
  expect(fresh).toContain("export type Database");
  expect(readFileSync(typesFile, "utf8")).toBe(fresh);
});
