import { describe, expect, it } from "vitest";
import { resourceByName, resources } from "../resources";
import { embedAlias, filterOptions, formFields, recordTitle, selectFor } from "./fields";
import { rulesFor } from "./rules";
import { defineResource, type FieldDef } from "./types";

const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);

describe("selectFor", () => {
  it("embeds each relation by its foreign-key column, so two links to one table never clash", () => {
    expect(selectFor(resourceByName("partnerships")!)).toBe(
      "*,branch:branches!branch_id!inner(id,name),partner_branch:branches!partner_branch_id(id,name)",
    );
  });
  it("uses an inner join where the list filters through the relation", () => {
    expect(selectFor(resourceByName("members")!)).toContain("branch:branches!branch_id!inner(id,name,org_unit_id)");
  });
  it("skips filter-only paths", () => {
    expect(selectFor(resourceByName("members")!)).not.toContain("branch.org_unit_id");
  });
});

describe("computed fields", () => {
  const resource = defineResource({
    name: "things",
    route: "/things",
    group: "coverage",
    icon: null,
    fields: [
      { name: "name", type: "text", list: true },
      { name: "ready", type: "boolean", computed: true, list: true, filter: true, booleanLabels: { true: "things.ready.true", false: "things.ready.false" } },
      { name: "owner_id", type: "relation", relation: { resource: "owners", labelField: "name" } },
    ],
  });
  it("are selected by name, since PostgREST's * leaves them out", () => {
    expect(selectFor(resource)).toBe("*,ready,owner:owners!owner_id(id,name)");
  });
  it("are never form fields, so never sent on create or update", () => {
    expect(formFields(resource, "create").map((field) => field.name)).toEqual(["name", "owner_id"]);
    expect(formFields(resource, "edit").map((field) => field.name)).toEqual(["name", "owner_id"]);
  });
  it("filter on a boolean by its own labels, with the values the URL carries", () => {
    expect(filterOptions(resource.fields[1], t)).toEqual([
      { value: "true", label: "things.ready.true" },
      { value: "false", label: "things.ready.false" },
    ]);
    expect(filterOptions({ name: "flag", type: "boolean" }, t).map((option) => option.label)).toEqual(["common.yes", "common.no"]);
  });
  it("carriers.covered is one: listed and filterable, not in the carrier form", () => {
    const carriers = resourceByName("carriers")!;
    expect(selectFor(carriers)).toMatch(/^\*,covered,/);
    expect(formFields(carriers, "edit").map((field) => field.name)).not.toContain("covered");
  });
});

describe("the registry", () => {
  it("declares every route in kebab-case of its table, once", () => {
    const routes = resources.map((resource) => resource.route);
    expect(new Set(routes).size).toBe(routes.length);
    for (const resource of resources) expect(resource.route).toBe(`/${resource.name.replace(/_/g, "-")}`);
  });
  it("points every relation and related tab at a declared resource", () => {
    for (const resource of resources) {
      for (const field of resource.fields) if (field.relation) expect(resourceByName(field.relation.resource), `${resource.name}.${field.name}`).toBeDefined();
      for (const related of resource.related ?? []) expect(resourceByName(related.resource), `${resource.name} → ${related.resource}`).toBeDefined();
    }
  });
  it("keeps the secretary out of the create form (a new branch has no members yet)", () => {
    const branches = resourceByName("branches")!;
    expect(formFields(branches, "create").map((field) => field.name)).not.toContain("secretary_id");
    expect(formFields(branches, "edit").map((field) => field.name)).toContain("secretary_id");
  });
  it("names rows without a name column", () => {
    const title = recordTitle(resourceByName("fund_budgets")!, { fiscal_year: 2025, category: "activity", amount: 1000, org_unit: { name: "理学院" } }, (key) => key);
    expect(title).toBe("2025 理学院 enums.fund_category.activity ¥1,000.00");
    expect(embedAlias({ name: "partner_branch_id" })).toBe("partner_branch");
  });
});

describe("rulesFor", () => {
  it("mirrors the database: required, length, positive money, ranges", () => {
    const money: FieldDef = { name: "amount", type: "money", required: true };
    const rules = rulesFor(money, "金额", t);
    expect(rules).toContainEqual(expect.objectContaining({ required: true }));
    expect(rules).toContainEqual(expect.objectContaining({ type: "number", min: 0.01 }));
    const text = rulesFor({ name: "name", type: "text", required: true, maxLength: 100 }, "名称", t);
    expect(text).toContainEqual(expect.objectContaining({ whitespace: true }));
    expect(text).toContainEqual(expect.objectContaining({ max: 100 }));
    const weight = rulesFor({ name: "weight_org", type: "number", min: 0, max: 1 }, "权重", t);
    expect(weight).toContainEqual(expect.objectContaining({ min: 0 }));
    expect(weight).toContainEqual(expect.objectContaining({ max: 1 }));
    expect(weight.some((rule) => "required" in rule)).toBe(false);
  });
});
