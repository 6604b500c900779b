import type { Dictionary } from "./zh-CN";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };
export type DeepPartialDictionary = DeepPartial<Dictionary> & Record<string, unknown>;
