// The header's search box: members (by name or 学号/工号), branches, carriers and org units as you type, each
// group from the data provider (so RLS scopes what a committee finds), a short pause in typing before asking,
// arrow keys and Enter to choose, and the chosen record's page opened.
import { SearchOutlined } from "@ant-design/icons";
import { useDataProvider, useTranslate, type BaseRecord, type CrudFilter } from "@refinedev/core";
import { AutoComplete, Input } from "antd";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { routeOf } from "../resources";

export const SEARCH_DEBOUNCE_MS = 250;
const PER_GROUP = 5;

type Target = { resource: string; select: string; fields: string[]; label: (row: BaseRecord) => string };

/** What the box searches, in the order the groups are shown. */
export const SEARCH_TARGETS: Target[] = [
  {
    resource: "members",
    select: "id,name,student_or_staff_no",
    fields: ["name", "student_or_staff_no"],
    label: (row) => `${String(row.name)}（${String(row.student_or_staff_no ?? "")}）`,
  },
  { resource: "branches", select: "id,name,code", fields: ["name", "code"], label: (row) => String(row.name) },
  { resource: "carriers", select: "id,name", fields: ["name"], label: (row) => String(row.name) },
  { resource: "org_units", select: "id,name,code", fields: ["name", "code"], label: (row) => String(row.name) },
];

type Group = { resource: string; rows: BaseRecord[] };

export function HeaderSearch() {
  const t = useTranslate();
  const navigate = useNavigate();
  const dataProvider = useDataProvider();
  const [text, setText] = useState("");
  const [groups, setGroups] = useState<Group[]>([]);
  const latest = useRef(0);

  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setGroups([]);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      const provider = dataProvider();
      const results = await Promise.all(
        SEARCH_TARGETS.filter((target) => routeOf(target.resource)).map(async (target): Promise<Group> => {
          const filters: CrudFilter[] = [{ operator: "or", value: target.fields.map((field) => ({ field, operator: "contains" as const, value: query })) }];
          try {
            const { data } = await provider.getList({
              resource: target.resource,
              pagination: { currentPage: 1, pageSize: PER_GROUP, mode: "server" },
              filters,
              sorters: [{ field: "name", order: "asc" }],
              // no total needed: skip the count
              meta: { select: target.select, count: "none" },
            });
            return { resource: target.resource, rows: data };
          } catch {
            return { resource: target.resource, rows: [] }; // a group the role may not read: nothing found there
          }
        }),
      );
      if (ticket === latest.current) setGroups(results.filter((group) => group.rows.length > 0));
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, dataProvider]);

  const options = groups.map((group) => {
    const target = SEARCH_TARGETS.find((candidate) => candidate.resource === group.resource)!;
    return {
      label: t(`${group.resource}.label`),
      options: group.rows.map((row) => ({ value: `${group.resource}:${String(row.id)}`, label: target.label(row) })),
    };
  });

  return (
    <AutoComplete
      value={text}
      options={options}
      onSearch={setText}
      onSelect={(value: string) => {
        const [resource, id] = value.split(":");
        setText("");
        setGroups([]);
        navigate(`${routeOf(resource)}/show/${id}`);
      }}
      notFoundContent={text.trim() && groups.length === 0 ? t("search.none") : undefined}
      popupMatchSelectWidth={320}
      style={{ width: 260 }}
    >
      <Input aria-label={t("search.label")} placeholder={t("search.placeholder")} prefix={<SearchOutlined />} allowClear />
    </AutoComplete>
  );
}
