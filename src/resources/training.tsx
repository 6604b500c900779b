// 队伍建设: secretary training (§18).
import type { ResourceDef } from "../crud/types";

export const trainingResources: ResourceDef[] = [];
