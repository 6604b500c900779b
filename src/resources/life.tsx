// 组织生活: 支部委员会, 党员大会, 党小组会, 党课, 主题党日, 组织生活会, 书记座谈会 and attendance (§8, §14).
import type { ResourceDef } from "../crud/types";

export const lifeResources: ResourceDef[] = [];
