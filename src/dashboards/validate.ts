// Checks a spec against itself (kinds, filters, the columns its queries declare) and turns the
// modules found in /dashboards into a validated, ordered list. Errors name the dashboard, panel and culprit.
import {
  FORMATS,
  GRID_COLUMNS,
  KINDS,
  isClickedBinding,
  isColumnBinding,
  isFilterBinding,
  queryName,
  valueFields,
  type Binding,
  type DashboardSpec,
  type Kind,
  type PanelSpec,
} from "./spec";

export class DashboardSpecError extends Error {
  override name = "DashboardSpecError";
}

/** The encode fields each kind cannot do without. */
const REQUIRED: Record<Kind, (keyof PanelSpec["encode"])[]> = {
  kpi: ["value"],
  bar: ["x", "value"],
  stacked_bar: ["x", "value"],
  line: ["x", "value"],
  pie: ["x", "value"],
  radar: ["x", "value"],
  gauge: ["value"],
  heatmap: ["x", "y", "value"],
  table: [],
  todos: [],
};

const ID = /^[a-z][a-z0-9_-]*$/;

export function validateDashboard(spec: DashboardSpec): DashboardSpec {
  const where = `dashboard "${spec.id}"`;
  const fail = (message: string): never => {
    throw new DashboardSpecError(`${where}${message}`);
  };
  if (!ID.test(spec.id ?? "")) fail(`: id must match ${ID} (it becomes the route /dashboards/<id>)`);
  if (!spec.title) fail(": missing title");

  const filterIds = spec.filters.map((f) => f.id);
  for (const [i, id] of filterIds.entries()) {
    if (filterIds.indexOf(id) !== i) fail(`: filter "${id}" declared twice`);
  }
  for (const filter of spec.filters) {
    if (!["year", "org_unit", "enum"].includes(filter.kind)) {
      fail(`, filter "${filter.id}": unknown kind "${filter.kind}" (kinds: year, org_unit, enum)`);
    }
    if (filter.kind === "enum" && filter.default !== undefined && !(filter.default in filter.options)) {
      fail(`, filter "${filter.id}": default "${filter.default}" is not one of its options (${Object.keys(filter.options).join(", ")})`);
    }
  }

  const panelIds = new Set<string>();
  for (const panel of spec.panels) {
    const at = `, panel "${panel.id}"`;
    if (panelIds.has(panel.id)) fail(`${at}: id used twice`);
    panelIds.add(panel.id);
    if (!KINDS.includes(panel.kind)) fail(`${at}: unknown kind "${panel.kind}" (kinds: ${KINDS.join(", ")})`);
    if (!panel.query?.source?.rpc && !panel.query?.source?.view) fail(`${at}: query names neither an rpc nor a view`);

    const columns = Object.keys(panel.query.source.columns);
    const columnList = `(columns of ${queryName(panel.query.source)}: ${columns.join(", ")})`;
    const checkField = (field: string, role: string) => {
      if (!columns.includes(field)) fail(`${at}: unknown field "${field}" in ${role} ${columnList}`);
    };
    const checkFilter = (binding: Binding, role: string) => {
      if (isFilterBinding(binding) && !filterIds.includes(binding.filter)) {
        fail(`${at}: unknown filter "${binding.filter}" in ${role} (filters: ${filterIds.join(", ") || "none"})`);
      }
    };

    for (const field of REQUIRED[panel.kind]) {
      if (panel.encode[field] === undefined || valueFields({ value: panel.encode[field] }).length === 0) {
        fail(`${at}: kind "${panel.kind}" needs encode.${field}`);
      }
    }
    const { x, y, series, columns: tableColumns } = panel.encode;
    for (const [role, field] of Object.entries({ "encode.x": x, "encode.y": y, "encode.series": series })) {
      if (field !== undefined) checkField(field, role);
    }
    for (const field of valueFields(panel.encode)) checkField(field, "encode.value");
    for (const field of tableColumns ?? []) checkField(field, "encode.columns");
    if (panel.options?.sortBy) checkField(panel.options.sortBy, "options.sortBy");
    if (panel.format && !FORMATS.includes(panel.format)) fail(`${at}: unknown format "${panel.format}" (formats: ${FORMATS.join(", ")})`);
    for (const [name, column] of Object.entries(panel.query.source.columns)) {
      if (column.format && !FORMATS.includes(column.format)) {
        fail(`${at}: column "${name}" has unknown format "${column.format}" (formats: ${FORMATS.join(", ")})`);
      }
    }

    for (const [param, binding] of Object.entries(panel.query.params ?? {})) {
      checkFilter(binding, `query param "${param}"`);
      if (isColumnBinding(binding) || isClickedBinding(binding)) fail(`${at}: query param "${param}" cannot take a clicked value`);
    }
    for (const [field, binding] of Object.entries(panel.drill?.filters ?? {})) {
      checkFilter(binding, `drill filter "${field}"`);
      if (isColumnBinding(binding)) checkField(binding.column, `drill filter "${field}"`);
    }
    if (panel.drill && !panel.drill.route.startsWith("/")) fail(`${at}: drill route must start with "/"`);
    if (panel.open) {
      if (panel.kind !== "table") fail(`${at}: open is for table panels`);
      if (!panel.open.route.startsWith("/")) fail(`${at}: open route must start with "/"`);
      checkField(panel.open.id, "open.id");
    }

    const { x: gx, y: gy, w, h } = panel.grid ?? {};
    const whole = [gx, gy, w, h].every((n) => Number.isInteger(n) && n >= 0);
    if (!whole || w < 1 || h < 1 || gx + w > GRID_COLUMNS) {
      fail(`${at}: grid {x, y, w, h} must be whole numbers with w, h >= 1 and x + w <= ${GRID_COLUMNS}`);
    }
  }
  return spec;
}

/**
 * Modules as `import.meta.glob('/dashboards/*.ts', { eager: true })` returns them -> validated specs,
 * ordered by `order` then id. Each module's default export is its dashboard.
 */
export function discoverDashboards(modules: Record<string, unknown>): DashboardSpec[] {
  const specs: DashboardSpec[] = [];
  for (const [path, module] of Object.entries(modules)) {
    const spec = (module as { default?: DashboardSpec }).default;
    if (!spec || typeof spec !== "object" || !Array.isArray(spec.panels)) {
      throw new DashboardSpecError(`${path}: the default export must be defineDashboard({...})`);
    }
    const fileId = path.split("/").pop()!.replace(/\.ts$/, "");
    if (spec.id !== fileId) throw new DashboardSpecError(`${path}: dashboard id "${spec.id}" must match the file name "${fileId}"`);
    specs.push(validateDashboard(spec));
  }
  return specs.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
}
