// The enums of the 创优争先 area (Postgres enums, in order), for its declarations and its pages.
import { enumOf } from "../crud/types";

export const CASE_STATUS = enumOf("case_status", ["draft", "submitted", "recommended", "rated"]);
export const CASE_RATING = enumOf("case_rating", ["best", "excellent", "none"]);
export const PLAN_STATUS = enumOf("plan_status", ["draft", "submitted", "approved", "judged"]);
export const PLAN_RESULT = enumOf("plan_result", ["excellent", "qualified", "not_met"]);
