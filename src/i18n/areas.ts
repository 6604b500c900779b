// Menu areas keep their words next to their declarations (src/resources/<area>.texts.ts): each gives the
// zh-CN and en texts of its resources, enums and pages, merged here into the shared dictionaries, so a new
// register does not grow (or conflict in) one big file. Top-level keys are the area's own; `enums` merges.
import { importTexts } from "../crud/import/texts";
import { listToolsTexts } from "../crud/listTools.texts";
import { coverageTexts } from "../resources/coverage.texts";
import { excellenceTexts } from "../resources/excellence.texts";
import { lifeTexts } from "../resources/life.texts";
import { outreachTexts } from "../resources/outreach.texts";
import { systemTexts } from "../resources/system.texts";
import { trainingTexts } from "../resources/training.texts";
import { todosTexts } from "../pages/todos/todos.texts";

type Texts = { [key: string]: string | Texts };
export type AreaTexts = { zhCN: Texts; en: Texts };

export const AREA_TEXTS: readonly AreaTexts[] = [
  coverageTexts, lifeTexts, outreachTexts, excellenceTexts, trainingTexts, systemTexts, importTexts, listToolsTexts, todosTexts,
];

/** The shared dictionary with each area's keys added; a key defined twice is a mistake and throws. */
export function withAreaTexts<T extends object>(shared: T, areas: readonly Texts[]): T {
  const merged = { ...shared } as Record<string, unknown>;
  const enums = { ...((merged.enums as Texts | undefined) ?? {}) };
  for (const area of areas) {
    for (const [key, value] of Object.entries(area)) {
      const target = key === "enums" ? enums : merged;
      const entries = key === "enums" ? Object.entries(value as Texts) : [[key, value] as const];
      for (const [name, text] of entries) {
        if (name in target) throw new Error(`i18n: "${key === "enums" ? `enums.${name}` : name}" is defined twice`);
        target[name] = text;
      }
    }
  }
  merged.enums = enums;
  return merged as T;
}
