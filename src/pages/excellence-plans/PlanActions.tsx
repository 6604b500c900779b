// 卓越党支部计划's workflow on its show page: 提交 (the committee, a draft), 审核通过 (组织部, a submitted plan) and
// 评定 (组织部, an approved plan with its year-end self-assessment, choosing 卓越 / 合格 / 未达标). Judging writes the
// branch's 卓越党支部 year; the plan and its tasks are frozen afterwards.
import { AuditOutlined, CheckCircleOutlined, SendOutlined } from "@ant-design/icons";
import { PLAN_RESULT } from "../../resources/excellence.enums";
import { WorkflowStep } from "../cases/WorkflowStep";

type Props = { record: Record<string, unknown> };
const invalidates = ["excellence_plans", "excellence_tasks", "branch_excellence_years", "branches", "audit_log"];

export const SubmitPlan = ({ record }: Props) => (
  <WorkflowStep record={record} rpc="submit_excellence_plan" idParam="p_plan_id" roles={["org_admin", "committee_admin"]} from="draft"
    texts="excellence_plans.steps.submit" invalidates={invalidates} icon={<SendOutlined />} primary testId="plan-submit" />
);
export const ApprovePlan = ({ record }: Props) => (
  <WorkflowStep record={record} rpc="approve_excellence_plan" idParam="p_plan_id" roles={["org_admin"]} from="submitted"
    texts="excellence_plans.steps.approve" invalidates={invalidates} icon={<AuditOutlined />} primary testId="plan-approve" />
);
export const JudgePlan = ({ record }: Props) => (
  <WorkflowStep record={record} rpc="judge_excellence_plan" idParam="p_plan_id" roles={["org_admin"]} from="approved"
    texts="excellence_plans.steps.judge" choice={{ param: "p_result", enumName: PLAN_RESULT.name, values: PLAN_RESULT.values }}
    invalidates={invalidates} icon={<CheckCircleOutlined />} primary testId="plan-judge" />
);
