// 联系服务: leaders' contact points and visits (§7, §14, §16).
import type { ResourceDef } from "../crud/types";

export const outreachResources: ResourceDef[] = [];
