// 创优争先: 党建案例 (§15) and 创建卓越党支部计划 (§13).
import type { ResourceDef } from "../crud/types";

export const excellenceResources: ResourceDef[] = [];
