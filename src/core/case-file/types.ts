/**
 * 卷宗 JSON — the case-file format (format version 1).
 *
 * This file is the domain contract shared by the validator, the persistence layer, the legal
 * calendar's callers, the rule engine, scoring and reports. It is plain data: it imports only the date types of
 * the domain kernel.
 *
 * Conventions
 * - `LegalDate` is a date-only string `YYYY-MM-DD` (公历日期). Periods are counted on dates, never on
 *   instants, so no time zone is involved anywhere.
 * - `ClockTime` is `HH:mm` (24h) — used only where the law counts minutes (询问起止时间).
 * - `LegalDateTime` is `YYYY-MM-DD HH:mm` — used only where the law counts hours (查封扣押 24 小时内补办批准,
 *   移送 24 小时内).
 * - Amounts are in 元 (CNY), numbers with at most two decimals.
 * - Ids (`id`) are strings unique within one case file; references between parts use them.
 * - Every optional field may be omitted; `null` is not used.
 */

import type { LegalDate, LegalDateTime } from '../domain/legal-date';

export type { LegalDate, LegalDateTime };
export type ClockTime = string;

export const CASE_FILE_FORMAT_VERSION = '1.0' as const;

/** 案件状态: 草稿 / 办理中 / 已结案 / 已归档 */
export type CaseStatus = 'draft' | 'in_progress' | 'closed' | 'archived';
/** 程序: 简易程序(当场处罚) / 一般程序(普通程序) */
export type Procedure = 'simple' | 'general';
/** 案件来源 */
export type CaseSource =
  | 'inspection' // 日常检查/现场检查发现
  | 'complaint' // 投诉举报
  | 'referral' // 移送
  | 'assigned' // 上级交办
  | 'monitoring' // 在线监控/监测数据
  | 'other';

/** 处罚种类 (行政处罚法第9条 及 生态环境领域常见种类) */
export type PenaltyKind =
  | 'warning' // 警告
  | 'circulated_criticism' // 通报批评
  | 'fine' // 罚款
  | 'confiscation_of_illegal_income' // 没收违法所得
  | 'confiscation_of_property' // 没收非法财物
  | 'license_downgrade' // 降低资质等级
  | 'license_revocation' // 吊销许可证件
  | 'temporary_license_suspension' // 暂扣许可证件
  | 'restrict_business' // 限制开展生产经营活动
  | 'production_suspension' // 责令停产停业
  | 'closure' // 责令关闭
  | 'employment_restriction' // 限制从业
  | 'detention_transfer' // 移送行政拘留
  // 生态环境行政处罚办法（2023）第8条 另列的种类
  | 'license_application_ban' // 一定时期内不得申请行政许可
  | 'production_rectification' // 责令停产整治（不是“限制生产”：限产停产办法第15条的三个月上限只适用于限制生产）
  | 'employment_ban' // 禁止从业
  | 'demolition_order'; // 责令限期拆除

export interface CaseFile {
  formatVersion: typeof CASE_FILE_FORMAT_VERSION;
  case: CaseInfo;
  parties: Party[];
  agents?: Agent[];
  /** 执法人员 */
  officers: Officer[];
  /** 负责人、法制审核人员、听证主持人、记录人等机关内部人员 */
  reviewers?: Reviewer[];
  documents: CaseDocument[];
  /** 普法教育记录 — first-class, never buried in a document's free text */
  educationRecords: EducationRecord[];
  /** 卷内目录 */
  fileIndex: FileIndexEntry[];
  /** 录入状态 of the header parts (case, parties, officers, reviewers, educationRecords …); absent = fully entered */
  entry?: DataEntry;
}

/**
 * 录入状态 — "not entered" is not "not in the file". A fact nobody has typed yet is 未录入: a check that needs it
 * yields 无法判定（待补录）, never a defect. A fact that is entered and absent (the 笔录 really has no 起止时间)
 * stays a defect. Absent `entry` = fully entered, so every file written before this field means what it meant.
 */
export type EntryStatus =
  | 'entered' // 已录入: every field of this part is entered; an absent field is absent from the paper file
  | 'partial' // 部分录入: the fields in missingFields (all absent ones if none listed) are not entered yet
  | 'not_entered'; // 未录入: only what is present has been entered (e.g. the 卷内目录 row); every absent field is 待补录

export interface DataEntry {
  status: EntryStatus;
  /** 待补录的字段: field names of this part (document: 'service', 'officerIds', 'signatories' …;
   *  case file: 'case.flags', 'parties', 'officers', 'reviewers', 'agents', 'educationRecords' …) */
  missingFields?: string[];
}

export interface CaseInfo {
  /** 案号, e.g. 益环罚〔2025〕12号 */
  caseNumber: string;
  /** 案由 */
  causeOfAction: string;
  /** 执法机关 */
  agency: string;
  procedure: Procedure;
  status: CaseStatus;
  violation: {
    /** 违法行为发生日 */
    occurredOn: LegalDate;
    /** 连续或者继续状态终了日 (处罚法第36条第2款) */
    endedOn?: LegalDate;
    /** 是否有连续或者继续状态 */
    continuing?: boolean;
    /** 是否涉及公民生命健康安全且有危害后果 (追责时效延长至五年) */
    endangersLifeOrHealth?: boolean;
  };
  discovery: {
    /** 线索发现/收到之日 */
    discoveredOn: LegalDate;
    source: CaseSource;
    /** 来源说明 (举报编号、交办函号 …) */
    sourceNote?: string;
  };
  flags?: CaseFlags;
  penalty?: {
    kinds: PenaltyKind[];
    /** 告知书拟罚款金额 (元) */
    proposedFine?: number;
    /** 决定罚款金额 (元) */
    decidedFine?: number;
    /** 没收违法所得/非法财物价值 (元) */
    confiscationAmount?: number;
  };
  /**
   * 地方性法规、地方政府规章对听证"较大数额"另有规定的 (生态环境行政处罚办法第89条: 从其规定): the local amounts and the
   * name of the local rule; they replace the 5000/200000元 of rules/parameters
   */
  localHearingThresholds?: { individual?: number; organization?: number; source: string };
  /** 违反的条款 (e.g. 《大气污染防治法》第一百零八条) */
  violatedProvisions?: string[];
  /** 处罚依据条款 */
  penaltyProvisions?: string[];
  /** 结案日 (结案审批表批准日) — informational; rules use the closing approval document */
  closedOn?: LegalDate;
  /** 归档日 */
  archivedOn?: LegalDate;
  notes?: string;
}

export interface CaseFlags {
  /** 听证 (当事人申请听证或依法应告知听证权利的案件) */
  hearing?: boolean;
  /** 重大案件 (情节复杂或者重大违法行为; 第57条第2款, 第58条) */
  major?: boolean;
  /** 不予处罚 (第33条) */
  noPenalty?: boolean;
  /** 按日连续处罚 */
  dailyPenalty?: boolean;
  /** 查封扣押 */
  sealSeizure?: boolean;
  /** 限制生产、停产整治 */
  productionRestriction?: boolean;
  /** 移送 (行政拘留或涉嫌犯罪) */
  transfer?: boolean;
  /** 涉嫌犯罪 (应移送司法机关) */
  suspectedCrime?: boolean;
  /** 法制审核目录内事项 (地方重大执法决定法制审核目录) */
  legalReviewRequired?: boolean;
}

export interface Party {
  id: string;
  kind: 'organization' | 'individual';
  name: string;
  /** 统一社会信用代码 (18 位) — organizations */
  creditCode?: string;
  /** 身份证号码 — individuals */
  idNumber?: string;
  address: string;
  legalRepresentative?: { name: string; position?: string };
  phone?: string;
}

export interface Agent {
  id: string;
  name: string;
  /** 代理的当事人 */
  partyId: string;
  idNumber?: string;
  /** 授权委托书 document id */
  authorizationDocumentId?: string;
}

export interface Officer {
  id: string;
  name: string;
  /** 执法证号 */
  certificateNo: string;
  /** 执法证有效期起始日 (评查细则第2项：执法人员不具有行政执法资格) */
  certificateValidFrom?: LegalDate;
  /** 执法证有效期截止日 (细则第2项常见错误④：使用不在有效期内的行政执法证执法) */
  certificateValidUntil?: LegalDate;
  unit?: string;
}

export type ReviewerRole =
  | 'responsible_person' // 机关负责人
  | 'legal_reviewer' // 法制审核人员
  | 'hearing_host' // 听证主持人
  | 'recorder' // 记录人
  | 'department_head'; // 承办机构负责人

export interface Reviewer {
  id: string;
  name: string;
  role: ReviewerRole;
  /** 机关主要负责人 (办法第6条第3款：主要负责人的回避由负责人集体讨论决定，其他负责人的回避由主要负责人决定) */
  principal?: boolean;
  /** 法律职业资格 (第58条第2款: 初次从事法制审核的须取得) */
  legalQualification?: boolean;
  /** 初次从事法制审核 */
  firstTimeLegalReviewer?: boolean;
  /** 执法证号, for an agency member who holds one: tells one person listed twice (执法人员 and 机关人员) from two
   *  namesakes (评查细则第21项：案件调查人员不得同时作为审查人员) */
  certificateNo?: string;
}

/** 送达方式: 直接 / 留置 / 邮寄 / 电子 / 公告 / 委托 */
export type ServiceMethod = 'direct' | 'lodged' | 'post' | 'electronic' | 'announcement' | 'entrusted';

export interface ServiceInfo {
  method: ServiceMethod;
  /** 送达/签收日 (direct, lodged: the day on the 送达回证; post: the day the party signed for it;
   *  electronic: the day it reached the system the party designated; announcement: computed, may be omitted) */
  servedOn?: LegalDate;
  /** 交邮日 (post) — 期满前交邮的不算过期 */
  mailedOn?: LegalDate;
  /** 公告发出日 (announcement) */
  announcedOn?: LegalDate;
  receiver?: {
    name: string;
    role: 'party' | 'legal_representative' | 'agent' | 'adult_family_member' | 'authorized_recipient' | 'other';
  };
  /** 留置送达: 拒收事由 */
  refusalReason?: string;
  /** 留置送达: 见证人 */
  witness?: string;
  /** 留置送达: 拍照、录像记录 */
  recorded?: boolean;
  /** 送达回证 in the file */
  receiptDocumentId?: string;
  /** 电子送达确认书 in the file */
  consentDocumentId?: string;
}

/** 当事人签名状态: 已签名 / 拒签(须注明) / 未到场 */
export interface PartySignature {
  status: 'signed' | 'refused' | 'absent';
  signerName?: string;
  /** 拒签注明 */
  refusalNote?: string;
  witness?: string;
}

export type SignatoryRole =
  | 'officer'
  | 'undertaker' // 承办人
  | 'department_head' // 承办机构负责人
  | 'responsible_person' // 机关负责人
  | 'legal_reviewer'
  | 'hearing_host'
  | 'recorder'
  | 'party'
  | 'legal_representative'
  | 'agent'
  | 'interviewee' // 被询问人
  | 'inspected_person' // 被检查人
  | 'witness'
  | 'sampler'; // 采样人

export interface Signatory {
  name: string;
  role: SignatoryRole;
  /** 执法证号 (officers) */
  certificateNo?: string;
  signedOn?: LegalDate;
  /** person id (officer/reviewer/party) when known */
  personId?: string;
}

/** A period a document states (e.g. 告知书 "五日内提出听证申请, 即 2025-02-07 前"), checked against the law. */
export interface StatedPeriod {
  kind:
    | 'statement' // 陈述申辩期限
    | 'hearing_request' // 听证申请期限
    | 'payment' // 缴款期限
    | 'case_handling' // 办案期限
    | 'seizure' // 查封扣押期限
    | 'restriction' // 限产停产期限
    | 'reconsideration' // 复议期限
    | 'litigation' // 诉讼期限
    | 'rectification' // 改正期限
    | 'other';
  amount: number;
  unit: 'day' | 'workday' | 'month' | 'year' | 'hour';
  /** 起算日 as the document states or implies */
  from?: LegalDate;
  /** 届满日 as the document states it */
  endsOn?: LegalDate;
  /** the document's words, e.g. "自收到本告知书之日起五日内" */
  text?: string;
}

export interface Amounts {
  /** 罚款 (元) */
  fine?: number;
  /** 没收违法所得 / 非法财物价值 (元) */
  confiscation?: number;
  /** 加处罚款 (元) */
  surcharge?: number;
  /** 实缴金额 (元) */
  paid?: number;
  /** 按日连续处罚: 原处罚决定罚款数额 (元) */
  originalFine?: number;
}

/** 决定书 contents of 行政处罚法第59条 */
export interface DecisionContents {
  /** (一) 当事人的姓名或者名称、地址 */
  partyNameAndAddress?: boolean;
  /** (二) 违反法律、法规、规章的事实和证据 */
  factsAndEvidence?: boolean;
  /** (三) 行政处罚的种类和依据 */
  penaltyKindAndBasis?: boolean;
  /** (四) 行政处罚的履行方式和期限 */
  performanceMethodAndDeadline?: boolean;
  /** (五) 申请行政复议、提起行政诉讼的途径和期限 */
  remedyRouteAndDeadline?: boolean;
  /** (六) 作出决定的行政机关名称和作出决定的日期 */
  agencyNameAndDate?: boolean;
  /** 责令改正写入决定书（生态环境行政处罚办法第9条：可以与行政处罚决定一并下达）：改正内容、期限或立即改正 */
  rectificationOrdered?: boolean;
  /** 不予行政处罚决定书载明对当事人进行教育的内容（行政处罚法第33条第3款；评查细则不予处罚决定书第7目） */
  educationContent?: boolean;
  /** 当场处罚决定书告知先申请行政复议（行政复议法(2023)第23条，2024-01-01起） */
  reconsiderationFirstStated?: boolean;

  // —— 规范性（评查细则各类型文书评查项的细目）——
  // Each of these is three-valued: true = the document states it, false = it does not (a finding),
  // absent = not entered (the rule does not judge; the 评查人员 scores the item).
  /** 责令改正的具体内容 (评查细则责令改正决定书第6目; also on a 决定书 that orders the rectification) */
  rectificationContentStated?: boolean;
  /** 责令立即改正 (then no 改正期限 is due; otherwise the 期限 is a statedPeriod of kind rectification) */
  rectificationImmediate?: boolean;
  /** 逾期不改正的法律后果 (评查细则责令改正决定书第6目) */
  rectificationConsequenceStated?: boolean;
  /** 陈述、申辩、听证过程、当事人意见理由及证据、采纳情况及理由；放弃的也予说明 (评查细则决定书第4目) */
  statementHearingAdoptionStated?: boolean;
  /** 裁量基准和选定的裁量因素；从重、从轻、减轻的理由和依据 (评查细则决定书第5目) */
  discretionReasonsStated?: boolean;
  /** 不履行行政处罚决定的法律后果 (评查细则决定书第9目) */
  nonPerformanceConsequenceStated?: boolean;
  /** 告知的行政复议机关，按决定书原文 (e.g. 沅澧市人民政府; 行政复议法(2023)第24条) */
  reconsiderationBody?: string;
  /** 违法行为在新法施行前、决定在其后：决定书说明了依从旧兼从轻适用的法律及理由 (办法第7条第2款) */
  transitionalLawExplained?: boolean;
}

/** 催告书载明事项 (行政强制法第35条): true = 载明, false = 未载明, absent = 未录入 */
export interface ReminderContents {
  /** （一）履行义务的期限 */
  deadline?: boolean;
  /** （二）履行义务的方式 */
  method?: boolean;
  /** （三）涉及金钱给付的，明确的金额和给付方式 */
  amountAndPaymentMethod?: boolean;
  /** （四）当事人依法享有的陈述权和申辩权 */
  statementRight?: boolean;
}

/** 结案情形 (生态环境行政处罚办法第77条【S】, 湖南省文书范本结案审批表) */
export type ClosingGround =
  | 'performed' // 责令改正和行政处罚决定由当事人履行完毕
  | 'court_enforcement_accepted' // 依法申请人民法院强制执行，人民法院依法受理
  | 'no_execution_needed' // 不予行政处罚等无须执行
  | 'investigation_terminated' // 依办法第36条终止案件调查
  | 'transferred' // 依办法第17条完成案件移送，且无须再作行政处罚决定
  | 'decision_revoked' // 行政处罚决定被依法撤销
  | 'other'; // 生态环境主管部门认为可以结案的其他情形

/** 结案审批表载明事项: true = 载明, false = 未载明, absent = 未录入 */
export interface ClosingContents {
  /** 结案情形 */
  ground?: ClosingGround;
  /** 案件执行的基本信息 (评查细则结案审批表第2目) */
  executionStated?: boolean;
  /** 当事人完成整改（违法行为改正）情况 (评查细则不予处罚结案审批表第2目) */
  rectificationCompletionStated?: boolean;
}

/**
 * 人民法院行政判决的结果 (行政诉讼法): 驳回诉讼请求 (第69条，原"维持判决") · 撤销 / 部分撤销 (第70条) · 撤销并判决重新作出
 * 行政行为 (第70条，"责令重作") · 变更 (第77条，行政处罚明显不当的) · 确认违法 (第74条) · 确认无效 (第75条)
 */
export type CourtOutcome = 'dismissed' | 'revoked' | 'partially_revoked' | 'redo_ordered' | 'changed' | 'confirmed_illegal' | 'confirmed_void';

export interface CaseDocument {
  id: string;
  /** id from rules/document-types.yaml */
  type: string;
  /** 文号 */
  docNumber?: string;
  title?: string;
  /** 制作/落款日期 (for 笔录: the day it was made) */
  madeOn?: LegalDate;
  /** 负责人批准日期 (审批表) */
  approvedOn?: LegalDate;
  /** 批准时刻 where hours count (紧急情况补办批准) */
  approvedAt?: LegalDateTime;
  /** 实施时刻 where hours count (当场实施查封扣押, 移送) */
  implementedAt?: LegalDateTime;
  /** ids of the officers (执法人员) who took part */
  officerIds?: string[];
  signatories?: Signatory[];
  partySignature?: PartySignature;
  /** 加盖机关印章 */
  sealed?: boolean;
  /** served on the party (送达) */
  service?: ServiceInfo;
  /** page range in the file (卷内页码) */
  pages?: { from: number; to: number };
  amounts?: Amounts;
  penaltyKinds?: PenaltyKind[];
  /** periods this document states */
  statedPeriods?: StatedPeriod[];
  /** the document this one relates to (送达回证 → 决定书; 复核意见 → 告知书; 解除 → 查封决定 …) */
  relatesToDocumentId?: string;
  /** the party this document concerns (by id); defaults to the only party */
  partyId?: string;
  /** party name as written on the document (for consistency checks) */
  partyNameAsWritten?: string;
  /** 所写当事人名称与卷宗不一致的说明 (笔误更正、名称变更 …; 评查细则第3项：不一致且无合理解释的为重大问题) */
  partyNameNote?: string;
  /** 案号 as written on the document (for consistency checks) */
  caseNumberAsWritten?: string;

  // —— 笔录 (inquiry / inspection / hearing / discussion) ——
  /** 起止时间 (到分钟) */
  startTime?: ClockTime;
  endTime?: ClockTime;
  /** 出示执法证件 (亮证) recorded */
  credentialsShown?: boolean;
  /** 告知申请回避权利 recorded */
  recusalRightNotified?: boolean;
  /** 回避申请 / 回避决定: 被申请回避的人员 (officer or reviewer ids; 生态环境行政处罚办法第6条) */
  recusalOfPersonIds?: string[];

  // —— 查封扣押现场笔录 (行政强制法第18条) ——
  /** 当场告知当事人采取查封、扣押的理由、依据 (第18条（五）) */
  coerciveReasonsNotified?: boolean;
  /** 当场告知当事人依法享有的权利、救济途径 (第18条（五）) */
  coerciveRightsNotified?: boolean;
  /** 听取当事人的陈述和申辩 (第18条（六）) */
  partyHeardOnSite?: boolean;

  // —— 告知书 ——
  /** 告知听证权利 */
  hearingRightNotified?: boolean;
  /** 告知陈述申辩权利 */
  statementRightNotified?: boolean;

  // —— 听证 ——
  /** 听证举行日 (听证通知书 states it; 听证笔录's madeOn is the day held) */
  hearingOn?: LegalDate;
  /** 听证主持人 (reviewer id) */
  hostId?: string;

  // —— 集体讨论 ——
  /** votes: took part in the discussion and the vote (false = 列席: sat in, e.g. the investigator presenting the case — 办法第52条【S】) */
  attendees?: { name: string; role: ReviewerRole | 'officer' | 'other'; personId?: string; votes?: boolean }[];
  /** 结论 (集体讨论、法制审核、复核 …) */
  conclusion?: string;

  // —— 法制审核 ——
  reviewOutcome?: 'approved' | 'approved_with_changes' | 'rejected';
  reviewerIds?: string[];

  // —— 案件审查 ——
  /** 案件审查意见的审查人员 (officer or reviewer ids) — not the 承办人 who signs it; 评查细则第21项：案件调查人员不得同时作为审查人员 */
  caseReviewerIds?: string[];

  // —— 延期 / 中止 / 恢复 / 检测 ——
  /** 延长天数 (延期审批表) */
  extensionDays?: number;
  /** 延期的对象 (filing = 立案期限，生态环境行政处罚办法第18条：经负责人批准可延长十五日) */
  extensionOf?: 'case_handling' | 'seizure' | 'restriction' | 'filing';
  /** 集体讨论决定继续延期 (第二次延期) */
  extensionByCollectiveDiscussion?: boolean;
  /** 中止日 (中止审批表) */
  suspendedOn?: LegalDate;
  /** 恢复日 (恢复审批表) */
  resumedOn?: LegalDate;
  /** 检测/检验/鉴定 起止 (不计入期限) */
  testingPeriod?: { from: LegalDate; to: LegalDate };
  /** 检测期间已书面告知当事人 (行政强制法第25条第3款) */
  testingPeriodNotified?: boolean;
  /** 已书面告知当事人该期间不计入办案期限 (听证通知书、中止通知等; 生态环境行政处罚办法第57条【S】) */
  excludedTimeNotified?: boolean;
  /** 监测（检测）报告、鉴定意见: 结果告知当事人之日 (生态环境行政处罚办法第29条第3款) */
  resultNotifiedOn?: LegalDate;
  /** 记载该结果告知的文书 (结果告知书、询问笔录、送达回证 …) */
  resultNoticeDocumentId?: string;
  /** 其他不计入办案期限的期间：评估、认定等 (生态环境行政处罚办法第57条【S】) */
  excludedPeriods?: {
    from: LegalDate;
    to: LegalDate;
    reason: 'assessment' | 'determination' | 'announcement' | 'other';
    note?: string;
    /** 已书面告知当事人该期间不计入办案期限 (第57条【S】) */
    notified?: boolean;
  }[];
  /** 情况紧急，先采取措施再报负责人批准 (先行登记保存：2010办法第38条第2款、2023办法第32条【S】二十四小时内补办) */
  urgent?: boolean;
  /** 行政复议决定书的结果 */
  reconsiderationOutcome?: 'upheld' | 'changed' | 'revoked' | 'confirmed_illegal' | 'dismissed' | 'other';
  /** 人民法院行政判决书 (`court_judgment`) 的判决结果 (行政诉讼法第69、70、74、75、77条) */
  courtOutcome?: CourtOutcome;
  /** 判决发生法律效力之日 (`court_judgment`: 二审判决自送达起生效，一审判决在上诉期满无人上诉时生效); 变更、撤销、确认违法或者
   *  确认无效的判决生效后三日内撤回公开的决定信息 (行政处罚法第48条第2款) */
  effectiveOn?: LegalDate;

  // —— 按日连续处罚 / 复查 ——
  /** 复查方式: 暗查 / 公开 */
  reinspectionMethod?: 'covert' | 'open';
  /** 复查时仍在违法排污 */
  violationContinuing?: boolean;
  /** 计罚日数 */
  penaltyDays?: number;
  /** 计罚起止 */
  penaltyDaysFrom?: LegalDate;
  penaltyDaysTo?: LegalDate;
  /** 责令改正书载明拒不改正的按日连续处罚后果 */
  dailyPenaltyConsequenceStated?: boolean;

  // —— 决定书 ——
  decisionContents?: DecisionContents;
  /** 决定书/催告书载明加处罚款标准 (行政强制法第45条) */
  surchargeStandardStated?: boolean;

  // —— 强制执行申请 ——
  /** 申请书 负责人签名 */
  signedByResponsiblePerson?: boolean;

  // —— 信息公开 ——
  /** 公开日 */
  publishedOn?: LegalDate;
  /** 公开网址 */
  publishedUrl?: string;

  notes?: string;
  /** 录入状态 of this document's data (absent = entered) */
  entry?: DataEntry;

  // —— 规范性 (booleans: true = recorded, false = the document lacks it, absent = not entered) ——
  /** 当事人申请的收到日 (延期/分期缴纳罚款申请: on the 同意通知书; 解除查封扣押申请: on the 解除决定书) */
  applicationReceivedOn?: LegalDate;
  /** 机关收到日 (行政复议决定书: the day the agency received it; the 三日 to withdraw a published decision run from it) */
  receivedOn?: LegalDate;
  /** 同意延期（分期）缴纳罚款通知书已送达收缴罚款的机构 (办法第74条第2款【S】) */
  sentToCollectingAgency?: boolean;
  /** 笔录记载告知配合调查义务 (办法第28条第2款) */
  cooperationDutyNotified?: boolean;
  /** 笔录无空行，空白处注明“以下空白”或者划有斜线 (评查细则笔录基本要素第8项) */
  blankSpaceClosed?: boolean;
  /** 笔录修改处: none 无修改 / signed 均有签名或压指印 / unsigned 有未签名的修改 (评查细则笔录基本要素第9项) */
  corrections?: 'none' | 'signed' | 'unsigned';
  /** 催告书载明事项 (行政强制法第35条) */
  reminderContents?: ReminderContents;
  /** 结案审批表载明事项 */
  closingContents?: ClosingContents;
}

export interface EducationRecord {
  id: string;
  /** 日期 */
  heldOn: LegalDate;
  /** 地点 */
  place: string;
  /** 执法人员 (officer ids) */
  officerIds: string[];
  /** 受教育人 */
  recipient: { name: string; position?: string; partyId?: string };
  recipientSignature: PartySignature;
  /** 讲解的法律法规及条款 */
  laws: { law: string; articles: string[] }[];
  /** 方式: 口头 / 书面 / 视频 / 资料发放 / 以案释法 */
  form: 'oral' | 'written' | 'video' | 'materials' | 'case_explanation';
  /** 内容摘要 */
  content: string;
  /** 当事人反馈或承诺 */
  feedback?: string;
  pages?: { from: number; to: number };
}

export interface FileIndexEntry {
  /** 序号 */
  order: number;
  /** 题名 */
  title: string;
  /** the document or education record this entry is */
  refId?: string;
  pages: { from: number; to: number };
  /** 正卷 / 副卷 */
  volume?: 'main' | 'secondary';
}
