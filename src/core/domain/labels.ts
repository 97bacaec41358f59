/**
 * Chinese labels of every enumerated value of the case-file format (used in validation messages, the JSON
 * Schema, the format documentation and reports). Typed as Record<Union, string>, so adding a value to a union in
 * types.ts without a label here is a compile error.
 */
import type {
  CaseSource,
  ClosingGround,
  CaseStatus,
  EducationRecord,
  FileIndexEntry,
  Party,
  PartySignature,
  PenaltyKind,
  Procedure,
  ReviewerRole,
  ServiceInfo,
  ServiceMethod,
  SignatoryRole,
  StatedPeriod,
  CaseDocument,
  EntryStatus,
} from '../case-file/types';
import { PERIOD_UNIT_WORDS } from './period-text';

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: '草稿',
  in_progress: '办理中',
  closed: '已结案',
  archived: '已归档',
};

export const PROCEDURE_LABELS: Record<Procedure, string> = {
  simple: '简易程序（当场处罚）',
  general: '一般程序（普通程序）',
};

export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  inspection: '日常检查/现场检查发现',
  complaint: '投诉举报',
  referral: '移送',
  assigned: '上级交办',
  monitoring: '在线监控/监测数据',
  other: '其他',
};

export const PENALTY_KIND_LABELS: Record<PenaltyKind, string> = {
  warning: '警告',
  circulated_criticism: '通报批评',
  fine: '罚款',
  confiscation_of_illegal_income: '没收违法所得',
  confiscation_of_property: '没收非法财物',
  license_downgrade: '降低资质等级',
  license_revocation: '吊销许可证件',
  temporary_license_suspension: '暂扣许可证件',
  restrict_business: '限制开展生产经营活动',
  production_suspension: '责令停产停业',
  closure: '责令关闭',
  employment_restriction: '限制从业',
  detention_transfer: '移送行政拘留',
  license_application_ban: '一定时期内不得申请行政许可',
  production_rectification: '责令停产整治',
  employment_ban: '禁止从业',
  demolition_order: '责令限期拆除',
};

export const PARTY_KIND_LABELS: Record<Party['kind'], string> = {
  organization: '法人或者其他组织',
  individual: '公民（自然人）',
};

export const REVIEWER_ROLE_LABELS: Record<ReviewerRole, string> = {
  responsible_person: '机关负责人',
  legal_reviewer: '法制审核人员',
  hearing_host: '听证主持人',
  recorder: '记录人',
  department_head: '承办机构负责人',
};

export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  direct: '直接送达',
  lodged: '留置送达',
  post: '邮寄送达',
  electronic: '电子送达',
  announcement: '公告送达',
  entrusted: '委托送达',
};

export const RECEIVER_ROLE_LABELS: Record<NonNullable<ServiceInfo['receiver']>['role'], string> = {
  party: '当事人本人',
  legal_representative: '法定代表人/负责人',
  agent: '代理人',
  adult_family_member: '同住成年家属',
  authorized_recipient: '指定代收人',
  other: '其他',
};

export const SIGNATURE_STATUS_LABELS: Record<PartySignature['status'], string> = {
  signed: '已签名',
  refused: '拒绝签名（须注明）',
  absent: '未到场',
};

export const SIGNATORY_ROLE_LABELS: Record<SignatoryRole, string> = {
  officer: '执法人员',
  undertaker: '承办人',
  department_head: '承办机构负责人',
  responsible_person: '机关负责人',
  legal_reviewer: '法制审核人员',
  hearing_host: '听证主持人',
  recorder: '记录人',
  party: '当事人',
  legal_representative: '法定代表人',
  agent: '代理人',
  interviewee: '被询问人',
  inspected_person: '被检查人',
  witness: '见证人',
  sampler: '采样人',
};

export const STATED_PERIOD_KIND_LABELS: Record<StatedPeriod['kind'], string> = {
  statement: '陈述申辩期限',
  hearing_request: '听证申请期限',
  payment: '缴款期限',
  case_handling: '办案期限',
  seizure: '查封扣押期限',
  restriction: '限产停产期限',
  reconsideration: '行政复议期限',
  litigation: '行政诉讼期限',
  rectification: '改正期限',
  other: '其他期限',
};

/** the units as the format documents them (a 日 is a calendar day unless the law says 工作日) */
export const PERIOD_UNIT_LABELS: Record<StatedPeriod['unit'], string> = { ...PERIOD_UNIT_WORDS, day: '日（自然日）' };

export const ATTENDEE_ROLE_LABELS: Record<NonNullable<CaseDocument['attendees']>[number]['role'], string> = {
  ...REVIEWER_ROLE_LABELS,
  officer: '执法人员',
  other: '其他人员',
};

export const REVIEW_OUTCOME_LABELS: Record<NonNullable<CaseDocument['reviewOutcome']>, string> = {
  approved: '同意',
  approved_with_changes: '修改后同意',
  rejected: '不同意',
};

export const EXTENSION_OF_LABELS: Record<NonNullable<CaseDocument['extensionOf']>, string> = {
  case_handling: '办案期限',
  seizure: '查封扣押期限',
  restriction: '限制生产/停产整治期限',
  filing: '立案期限',
};

export const EXCLUDED_PERIOD_REASON_LABELS: Record<NonNullable<CaseDocument['excludedPeriods']>[number]['reason'], string> = {
  assessment: '评估',
  determination: '认定',
  announcement: '公告',
  other: '其他依法不计入的期间',
};

export const RECONSIDERATION_OUTCOME_LABELS: Record<NonNullable<CaseDocument['reconsiderationOutcome']>, string> = {
  upheld: '维持',
  changed: '变更',
  revoked: '撤销',
  confirmed_illegal: '确认违法',
  dismissed: '驳回复议申请',
  other: '其他',
};

export const COURT_OUTCOME_LABELS: Record<NonNullable<CaseDocument['courtOutcome']>, string> = {
  dismissed: '驳回诉讼请求（维持）',
  revoked: '撤销',
  partially_revoked: '部分撤销',
  redo_ordered: '撤销并责令重新作出（责令重作）',
  changed: '变更',
  confirmed_illegal: '确认违法',
  confirmed_void: '确认无效',
};

export const REINSPECTION_METHOD_LABELS: Record<NonNullable<CaseDocument['reinspectionMethod']>, string> = {
  covert: '暗查',
  open: '公开复查',
};

export const EDUCATION_FORM_LABELS: Record<EducationRecord['form'], string> = {
  oral: '口头讲解',
  written: '书面告知',
  video: '视频',
  materials: '资料发放',
  case_explanation: '以案释法',
};

export const VOLUME_LABELS: Record<NonNullable<FileIndexEntry['volume']>, string> = {
  main: '正卷',
  secondary: '副卷',
};

export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  entered: '已录入',
  partial: '部分录入',
  not_entered: '未录入',
};

// —— 规范性 (normativity) fields ——
export const CLOSING_GROUND_LABELS: Record<ClosingGround, string> = {
  performed: '责令改正和行政处罚决定由当事人履行完毕',
  court_enforcement_accepted: '依法申请人民法院强制执行，人民法院依法受理',
  no_execution_needed: '不予行政处罚等无须执行',
  investigation_terminated: '依法终止案件调查',
  transferred: '依法完成案件移送，且无须再作出行政处罚决定',
  decision_revoked: '行政处罚决定被依法撤销',
  other: '认为可以结案的其他情形',
};

export const CORRECTIONS_LABELS: Record<NonNullable<CaseDocument['corrections']>, string> = {
  none: '无修改',
  signed: '修改处均有签名或压指印',
  unsigned: '有修改处未签名或压指印',
};
