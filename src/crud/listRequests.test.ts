import { describe, expect, it } from "vitest";
import { LIST_REQUESTS } from "../../bench/list-requests";
import { resourceByName } from "../resources";
import { selectFor } from "./fields";

describe("the list benchmark's requests", () => {
  it("are what the list page sends for each register", () => {
    for (const [name, request] of Object.entries(LIST_REQUESTS)) {
      const resource = resourceByName(name)!;
      expect(request.select, name).toBe(selectFor(resource));
      expect(request.sort, name).toEqual(resource.defaultSort ?? { field: "id", order: "desc" });
    }
  });
});
