// The dashboard's filters as selects; values live in the URL (see useDashboardFilters).
import { Select, Space, Typography } from "antd";
import type { FilterValues } from "./drill";
import { text, type FilterSpec, type Locale } from "./spec";
import { useOrgUnits } from "./useDashboardData";

const DEFAULT_LABELS: Record<FilterSpec["kind"], { zh: string; en: string }> = {
  year: { zh: "年度", en: "Year" },
  org_unit: { zh: "二级党组织", en: "Org unit" },
  enum: { zh: "类别", en: "Kind" },
};
const ALL = { zh: "全部", en: "All" };

type Props = {
  filters: FilterSpec[];
  values: FilterValues;
  fixed: Set<string>;
  locale: Locale;
  onChange: (id: string, value: string | number | null) => void;
};

export function FilterBar({ filters, values, fixed, locale, onChange }: Props) {
  const orgUnits = useOrgUnits(filters.some((f) => f.kind === "org_unit"));
  return (
    <Space wrap size="middle" role="search" aria-label={locale === "en" ? "Filters" : "筛选"}>
      {filters.map((filter) => {
        const label = text(filter.label ?? DEFAULT_LABELS[filter.kind], locale);
        let options: { value: string | number; label: string }[];
        if (filter.kind === "year") {
          const last = new Date().getFullYear();
          options = Array.from({ length: last - filter.from + 1 }, (_, i) => last - i).map((year) => ({
            value: year,
            label: locale === "en" ? String(year) : `${year}年`,
          }));
        } else if (filter.kind === "org_unit") {
          options = (orgUnits.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }));
        } else {
          options = Object.entries(filter.options).map(([value, l]) => ({ value, label: text(l, locale) }));
        }
        return (
          <Space key={filter.id} size={4}>
            <Typography.Text type="secondary">{label}</Typography.Text>
            <Select
              aria-label={label}
              style={{ minWidth: filter.kind === "org_unit" ? 200 : 120 }}
              value={values[filter.id] ?? undefined}
              options={options}
              placeholder={text(ALL, locale)}
              allowClear={filter.kind === "org_unit" ? !fixed.has(filter.id) : filter.kind === "enum" && !filter.required}
              disabled={fixed.has(filter.id)}
              loading={filter.kind === "org_unit" && orgUnits.isPending}
              showSearch={filter.kind === "org_unit"}
              optionFilterProp="label"
              onChange={(value) => onChange(filter.id, value ?? null)}
            />
          </Space>
        );
      })}
    </Space>
  );
}
