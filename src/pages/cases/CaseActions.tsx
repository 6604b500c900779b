// 党建案例's workflow on its show page: 提交 (the committee, a draft), 推荐 (the unit's committee, a submitted case),
// 评定 (组织部, a recommended case, choosing 校级最佳案例 / 优秀案例 / 未获评) and 重新评定 (组织部, a rated case:
// back to 已推荐). A committee never sees 评定; the database refuses it anyway (cases_rate_org_admin_only).
import { CheckCircleOutlined, LikeOutlined, SendOutlined, UndoOutlined } from "@ant-design/icons";
import { CASE_RATING } from "../../resources/excellence.enums";
import { WorkflowStep } from "./WorkflowStep";

type Props = { record: Record<string, unknown> };
const common = { idParam: "p_case_id", invalidates: ["cases", "audit_log"] };

export const SubmitCase = ({ record }: Props) => (
  <WorkflowStep {...common} record={record} rpc="submit_case" roles={["org_admin", "committee_admin"]} from="draft" texts="cases.steps.submit"
    icon={<SendOutlined />} primary testId="case-submit" />
);
export const RecommendCase = ({ record }: Props) => (
  <WorkflowStep {...common} record={record} rpc="recommend_case" roles={["org_admin", "committee_admin"]} from="submitted" texts="cases.steps.recommend"
    icon={<LikeOutlined />} primary testId="case-recommend" />
);
export const RateCase = ({ record }: Props) => (
  <WorkflowStep {...common} record={record} rpc="rate_case" roles={["org_admin"]} from="recommended" texts="cases.steps.rate"
    choice={{ param: "p_rating", enumName: CASE_RATING.name, values: CASE_RATING.values }} icon={<CheckCircleOutlined />} primary testId="case-rate" />
);
export const ReopenCase = ({ record }: Props) => (
  <WorkflowStep {...common} record={record} rpc="reopen_case" roles={["org_admin"]} from="rated" texts="cases.steps.reopen"
    icon={<UndoOutlined />} testId="case-reopen" />
);
