// DTOs of the documents of a case file: one decorated property per field of ../types.ts (declarations, alike in
// shape with the other DTOs of this folder by design).
import type {
  Amounts,
  CaseDocument,
  ClosingContents,
  DataEntry,
  DecisionContents,
  EntryStatus,
  PartySignature,
  PenaltyKind,
  ReminderContents,
  ReviewerRole,
  ServiceInfo,
  ServiceMethod,
  Signatory,
  SignatoryRole,
  StatedPeriod,
} from '../types';
import {
  ATTENDEE_ROLE_LABELS,
  CLOSING_GROUND_LABELS,
  CORRECTIONS_LABELS,
  ENTRY_STATUS_LABELS,
  EXCLUDED_PERIOD_REASON_LABELS,
  EXTENSION_OF_LABELS,
  RECONSIDERATION_OUTCOME_LABELS,
  COURT_OUTCOME_LABELS,
  PENALTY_KIND_LABELS,
  PERIOD_UNIT_LABELS,
  RECEIVER_ROLE_LABELS,
  REINSPECTION_METHOD_LABELS,
  REVIEW_OUTCOME_LABELS,
  SERVICE_METHOD_LABELS,
  SIGNATORY_ROLE_LABELS,
  SIGNATURE_STATUS_LABELS,
  STATED_PERIOD_KIND_LABELS,
} from '../labels';
import { Model, opt, req } from './field';

type PageRangeShape = NonNullable<CaseDocument['pages']>;

@Model('页码范围（卷内页码）', '卷内材料逐页编号，页号用阿拉伯数字')
export class PageRangeDto implements PageRangeShape {
  @req.int('起始页', { min: 1, unit: '页' })
  from: number;

  @req.int('终止页', { min: 1, unit: '页', description: '不得小于起始页' })
  to: number;
}

type DateRangeShape = NonNullable<CaseDocument['testingPeriod']>;

@Model('日期区间')
export class DateRangeDto implements DateRangeShape {
  @req.date('起始日')
  from: string;

  @req.date('终止日', { description: '不得早于起始日' })
  to: string;
}

type ReceiverShape = NonNullable<ServiceInfo['receiver']>;

@Model('受送达人（签收人）')
export class ReceiverDto implements ReceiverShape {
  @req.string('签收人姓名')
  name: string;

  @req.enum('签收人身份', RECEIVER_ROLE_LABELS, { law: '民事诉讼法第85–95条（送达）' })
  role: NonNullable<ServiceInfo['receiver']>['role'];
}

@Model('送达', '行政处罚法第61条：依照民事诉讼法的有关规定送达；民事诉讼法第87–95条')
export class ServiceInfoDto implements ServiceInfo {
  @req.enum('送达方式', SERVICE_METHOD_LABELS, { law: '民事诉讼法第87–95条；行政处罚法第61条第2款（电子送达）' })
  method: ServiceMethod;

  @opt.date('送达/签收日', {
    law: '行政处罚法第61条；民事诉讼法第87条（签收日期为送达日期）',
    description: '直接、留置送达为送达回证上的日期；邮寄为当事人签收日；电子为到达当事人指定系统之日；公告送达可省略（自公告发出之日起经过三十日视为送达）',
  })
  servedOn?: string;

  @opt.date('交邮日', { law: '民事诉讼法第85条第4款：期间不包括在途时间，诉讼文书在期满前交邮的，不算过期' })
  mailedOn?: string;

  @opt.date('公告发出日', { law: '民事诉讼法第95条：自发出公告之日起，经过三十日，即视为送达' })
  announcedOn?: string;

  @opt.object('签收人', () => ReceiverDto)
  receiver?: ReceiverDto;

  @opt.text('拒收事由（留置送达）', { law: '民事诉讼法第89条' })
  refusalReason?: string;

  @opt.string('见证人（留置送达）', { law: '民事诉讼法第89条' })
  witness?: string;

  @opt.bool('留置送达已拍照、录像记录', { law: '民事诉讼法第89条' })
  recorded?: boolean;

  @opt.ref('送达回证', { description: 'documents[].id（类型 service_receipt）' })
  receiptDocumentId?: string;

  @opt.ref('电子送达确认书', { law: '行政处罚法第61条第2款：当事人同意并签订确认书的，可以电子送达', description: 'documents[].id（类型 electronic_service_consent）' })
  consentDocumentId?: string;
}

@Model('当事人签名情况', '行政处罚法第55条：询问或者检查应当制作笔录；当事人拒绝签名的，应当注明')
export class PartySignatureDto implements PartySignature {
  @req.enum('签名状态', SIGNATURE_STATUS_LABELS)
  status: PartySignature['status'];

  @opt.string('签名人')
  signerName?: string;

  @opt.text('拒签注明')
  refusalNote?: string;

  @opt.string('见证人')
  witness?: string;
}

@Model('签名人')
export class SignatoryDto implements Signatory {
  @req.string('姓名')
  name: string;

  @req.enum('签名身份', SIGNATORY_ROLE_LABELS)
  role: SignatoryRole;

  @opt.string('执法证号', { law: '行政处罚法第55条', maxLength: 100 })
  certificateNo?: string;

  @opt.date('签名日期')
  signedOn?: string;

  @opt.ref('人员 id', { description: 'officers / reviewers / parties / agents 中的 id' })
  personId?: string;
}

@Model('文书载明的期限', '用于核对文书写明的期限是否符合法律（如告知书"五日内提出听证申请"）')
export class StatedPeriodDto implements StatedPeriod {
  @req.enum('期限类别', STATED_PERIOD_KIND_LABELS)
  kind: StatedPeriod['kind'];

  @req.int('期限数', { min: 0, max: 3650 })
  amount: number;

  @req.enum('期限单位', PERIOD_UNIT_LABELS, { law: '行政处罚法第85条（"二日""三日""五日""七日"指工作日）；行政强制法第69条（十日以内指工作日）' })
  unit: StatedPeriod['unit'];

  @opt.date('起算日（文书载明或隐含）', { law: '民法典第201条：开始的当日不计入，自下一日开始计算' })
  from?: string;

  @opt.date('届满日（文书载明）')
  endsOn?: string;

  @opt.text('文书原文', { example: '自收到本告知书之日起五日内' })
  text?: string;
}

@Model('金额（元）')
export class AmountsDto implements Amounts {
  @opt.amount('罚款（元）', { law: '行政处罚法第9条（二）' })
  fine?: number;

  @opt.amount('没收违法所得/非法财物价值（元）', { law: '行政处罚法第9条（二）' })
  confiscation?: number;

  @opt.amount('加处罚款（元）', { law: '行政处罚法第72条第1款（一）：每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额' })
  surcharge?: number;

  @opt.amount('实缴金额（元）', { law: '行政处罚法第67条' })
  paid?: number;

  @opt.amount('原处罚决定罚款数额（元，按日连续处罚）', { law: '《环境保护主管部门实施按日连续处罚办法》第19条' })
  originalFine?: number;
}

@Model('决定书载明事项', '行政处罚法第59条第1款（一）至（六）')
export class DecisionContentsDto implements DecisionContents {
  @opt.bool('（一）当事人的姓名或者名称、地址', { law: '行政处罚法第59条第1款（一）' })
  partyNameAndAddress?: boolean;

  @opt.bool('（二）违反法律、法规、规章的事实和证据', { law: '行政处罚法第59条第1款（二）' })
  factsAndEvidence?: boolean;

  @opt.bool('（三）行政处罚的种类和依据', { law: '行政处罚法第59条第1款（三）' })
  penaltyKindAndBasis?: boolean;

  @opt.bool('（四）行政处罚的履行方式和期限', { law: '行政处罚法第59条第1款（四）' })
  performanceMethodAndDeadline?: boolean;

  @opt.bool('（五）申请行政复议、提起行政诉讼的途径和期限', { law: '行政处罚法第59条第1款（五）' })
  remedyRouteAndDeadline?: boolean;

  @opt.bool('（六）作出决定的行政机关名称和作出决定的日期', { law: '行政处罚法第59条第1款（六）' })
  agencyNameAndDate?: boolean;

  @opt.bool('决定书载明责令改正（改正内容、期限或立即改正）', { law: '《生态环境行政处罚办法》第9条：责令改正违法行为决定可以与行政处罚决定一并下达' })
  rectificationOrdered?: boolean;

  @opt.bool('不予行政处罚决定书载明教育内容', { law: '行政处罚法第33条第3款；评查细则不予行政处罚决定书第7目' })
  educationContent?: boolean;

  @opt.bool('当场处罚决定书告知先申请行政复议', { law: '行政复议法(2023)第23条（2024年1月1日起）' })
  reconsiderationFirstStated?: boolean;

  // —— 规范性：true = 载明，false = 未载明，缺省 = 未录入（不作判断，由评查人员评分）——
  @opt.bool('载明责令改正的具体内容', { law: '行政处罚法第28条；评查细则责令改正违法行为决定书第6目' })
  rectificationContentStated?: boolean;

  @opt.bool('责令立即改正（无须改正期限）', { law: '行政处罚法第28条：责令当事人改正或者限期改正违法行为' })
  rectificationImmediate?: boolean;

  @opt.bool('载明逾期不改正的法律后果', { law: '评查细则责令改正违法行为决定书第6目' })
  rectificationConsequenceStated?: boolean;

  @opt.bool('载明陈述、申辩、听证过程及采纳情况和理由', { law: '评查细则行政处罚决定书第4目（当事人放弃陈述、申辩或未要求听证的，也应予以说明）' })
  statementHearingAdoptionStated?: boolean;

  @opt.bool('载明裁量基准、裁量因素及从重从轻减轻的理由', { law: '评查细则行政处罚决定书第5目' })
  discretionReasonsStated?: boolean;

  @opt.bool('载明不履行行政处罚决定的法律后果', { law: '评查细则行政处罚决定书第9目' })
  nonPerformanceConsequenceStated?: boolean;

  @opt.string('告知的行政复议机关（按原文）', { law: '行政复议法(2023)第24条：县级以上地方各级人民政府管辖对本级人民政府工作部门作出的行政行为不服的行政复议案件', example: '沅澧市人民政府' })
  reconsiderationBody?: string;

  @opt.bool('说明依从旧兼从轻适用的法律及理由', { law: '《生态环境行政处罚办法》第7条第2款' })
  transitionalLawExplained?: boolean;
}

@Model('催告书载明事项', '行政强制法第35条；true = 载明，false = 未载明，缺省 = 未录入')
export class ReminderContentsDto implements ReminderContents {
  @opt.bool('（一）履行义务的期限', { law: '行政强制法第35条（一）' })
  deadline?: boolean;

  @opt.bool('（二）履行义务的方式', { law: '行政强制法第35条（二）' })
  method?: boolean;

  @opt.bool('（三）涉及金钱给付的，明确的金额和给付方式', { law: '行政强制法第35条（三）' })
  amountAndPaymentMethod?: boolean;

  @opt.bool('（四）当事人依法享有的陈述权和申辩权', { law: '行政强制法第35条（四）' })
  statementRight?: boolean;
}

@Model('结案审批表载明事项', 'true = 载明，false = 未载明，缺省 = 未录入')
export class ClosingContentsDto implements ClosingContents {
  @opt.enum('结案情形', CLOSING_GROUND_LABELS, { law: '《生态环境行政处罚办法》第77条【S】' })
  ground?: NonNullable<ClosingContents['ground']>;

  @opt.bool('载明案件执行的基本信息', { law: '评查细则结案审批表第2目' })
  executionStated?: boolean;

  @opt.bool('载明当事人完成整改情况', { law: '评查细则不予行政处罚案件结案审批表第2目' })
  rectificationCompletionStated?: boolean;
}

type ExcludedPeriod = NonNullable<CaseDocument['excludedPeriods']>[number];

@Model('不计入办案期限的期间')
export class ExcludedPeriodDto implements ExcludedPeriod {
  @req.date('起始日')
  from: string;

  @req.date('终止日', { description: '不得早于起始日' })
  to: string;

  @req.enum('事由', EXCLUDED_PERIOD_REASON_LABELS, { law: '《生态环境行政处罚办法》第57条【S】：中止、听证、公告、监测（检测）、评估、鉴定、认定、送达等时间不计入' })
  reason: ExcludedPeriod['reason'];

  @opt.text('说明')
  note?: string;

  @opt.bool('已书面告知当事人该期间不计入办案期限', { law: '《生态环境行政处罚办法》第57条【S】' })
  notified?: boolean;
}

type AttendeeRole = ReviewerRole | 'officer' | 'other';
type Attendee = NonNullable<CaseDocument['attendees']>[number];

@Model('参加人员（集体讨论）')
export class AttendeeDto implements Attendee {
  @req.string('姓名')
  name: string;

  @req.enum('身份', ATTENDEE_ROLE_LABELS)
  role: AttendeeRole;

  @opt.ref('人员 id', { description: 'reviewers / officers 中的 id' })
  personId?: string;

  @opt.bool('参与讨论和表决（false = 列席）', { law: '《生态环境行政处罚办法》第52条【S】：案件调查人员可列席集体讨论并介绍案情，不得参与讨论和表决；评查细则第18项' })
  votes?: boolean;
}

@Model('录入状态', '未录入不等于卷内没有：未录入的事实使依赖它的检查无法判定（待补录），不计缺陷、不扣分、不否决')
export class DataEntryDto implements DataEntry {
  @req.enum('录入状态', ENTRY_STATUS_LABELS)
  status: EntryStatus;

  @opt.strings('待补录字段', { maxLength: 100, description: '本部分尚未录入的字段名（如 service、officerIds）；部分录入且未列出时，所有缺省字段均视为待补录' })
  missingFields?: string[];
}

@Model('文书', '卷内的一份文书；type 取 rules/document-types.yaml 中的文书类型 id')
export class CaseDocumentDto implements CaseDocument {
  @req.id('文书 id', { example: 'd-decision' })
  id: string;

  @req.string('文书类型', { maxLength: 100, description: 'rules/document-types.yaml 中的 id，如 penalty_decision（行政处罚决定书）', example: 'penalty_decision' })
  type: string;

  @opt.string('文号', { example: '益环罚〔2025〕12号' })
  docNumber?: string;

  @opt.string('标题', { maxLength: 500 })
  title?: string;

  @opt.date('制作/落款日期', { description: '笔录为制作之日；决定书为作出决定之日（落款日期）' })
  madeOn?: string;

  @opt.date('负责人批准日期（审批表）', { law: '行政处罚法第54条（立案）、第57条（决定）' })
  approvedOn?: string;

  @opt.datetime('批准时刻（按小时计算的场合）', { law: '行政强制法第19条：情况紧急当场实施的，24 小时内补办批准手续' })
  approvedAt?: string;

  @opt.datetime('实施时刻（按小时计算的场合）', { law: '行政强制法第19条；《行政执法机关移送涉嫌犯罪案件的规定》第5条（24 小时内移送）' })
  implementedAt?: string;

  @opt.refs('参与的执法人员', { law: '行政处罚法第42条：执法人员不得少于两人', description: 'officers[].id' })
  officerIds?: string[];

  @opt.objects('签名人', () => SignatoryDto)
  signatories?: SignatoryDto[];

  @opt.object('当事人签名情况', () => PartySignatureDto, { law: '行政处罚法第55条' })
  partySignature?: PartySignatureDto;

  @opt.bool('加盖机关印章', { law: '行政处罚法第59条第2款：决定书必须盖有作出行政处罚决定的行政机关的印章' })
  sealed?: boolean;

  @opt.object('送达', () => ServiceInfoDto, { law: '行政处罚法第61条' })
  service?: ServiceInfoDto;

  @opt.object('卷内页码', () => PageRangeDto)
  pages?: PageRangeDto;

  @opt.object('金额', () => AmountsDto)
  amounts?: AmountsDto;

  @opt.enums('处罚种类', PENALTY_KIND_LABELS, { law: '行政处罚法第9条' })
  penaltyKinds?: PenaltyKind[];

  @opt.objects('文书载明的期限', () => StatedPeriodDto)
  statedPeriods?: StatedPeriodDto[];

  @opt.ref('关联文书', { description: 'documents[].id：送达回证 → 决定书；复核意见 → 告知书；解除决定 → 查封决定……' })
  relatesToDocumentId?: string;

  @opt.ref('所涉当事人', { description: 'parties[].id；省略时为唯一的当事人' })
  partyId?: string;

  @opt.string('文书所写当事人名称', { description: '用于核对与当事人信息是否一致' })
  partyNameAsWritten?: string;

  @opt.text('所写当事人名称与卷宗不一致的说明（笔误更正、名称变更等，及说明材料所在页）', {
    law: '评查细则（2024）合法性评查第3项【Q†】：当事人名称不一致，且无合理解释的，为重大问题',
    description: '有说明的，不一致由评查人员判断是否属于合理解释；没有说明的为重大问题',
  })
  partyNameNote?: string;

  @opt.string('文书所写案号', { description: '用于核对与案号是否一致' })
  caseNumberAsWritten?: string;

  // —— 笔录 ——
  @opt.time('起始时间', { description: '笔录起止时间须到分钟' })
  startTime?: string;

  @opt.time('结束时间')
  endTime?: string;

  @opt.bool('记载出示执法证件', { law: '行政处罚法第55条第1款' })
  credentialsShown?: boolean;

  @opt.bool('记载告知申请回避权利', { law: '行政处罚法第43条' })
  recusalRightNotified?: boolean;

  @opt.refs('被申请回避的人员（回避申请、回避决定）', { law: '《生态环境行政处罚办法》第6条第2、3款【Q†】', description: 'officers[].id 或 reviewers[].id' })
  recusalOfPersonIds?: string[];

  // —— 查封扣押现场笔录 ——
  @opt.bool('记载当场告知查封、扣押的理由、依据', { law: '行政强制法第18条（五）；评查细则（2024）合法性评查第16项【Q†】' })
  coerciveReasonsNotified?: boolean;

  @opt.bool('记载当场告知当事人依法享有的权利、救济途径', { law: '行政强制法第18条（五）；评查细则（2024）合法性评查第16项【Q†】' })
  coerciveRightsNotified?: boolean;

  @opt.bool('记载听取当事人的陈述和申辩', { law: '行政强制法第18条（六）；评查细则（2024）合法性评查第16项【Q†】' })
  partyHeardOnSite?: boolean;

  // —— 告知书 ——
  @opt.bool('告知听证权利', { law: '行政处罚法第63条、第64条' })
  hearingRightNotified?: boolean;

  @opt.bool('告知陈述、申辩权利', { law: '行政处罚法第44条、第45条' })
  statementRightNotified?: boolean;

  // —— 听证 ——
  @opt.date('听证举行日', { law: '行政处罚法第64条第1款（二）：举行听证的七日前通知当事人' })
  hearingOn?: string;

  @opt.ref('听证主持人', { law: '行政处罚法第64条第1款（四）：听证由非本案调查人员主持', description: 'reviewers[].id' })
  hostId?: string;

  // —— 集体讨论 ——
  @opt.objects('参加人员', () => AttendeeDto, { law: '行政处罚法第57条第2款：行政机关负责人应当集体讨论决定' })
  attendees?: AttendeeDto[];

  @opt.text('结论（集体讨论、法制审核、复核等）')
  conclusion?: string;

  // —— 法制审核 ——
  @opt.enum('法制审核结论', REVIEW_OUTCOME_LABELS, { law: '行政处罚法第58条：未经法制审核或者审核未通过的，不得作出决定' })
  reviewOutcome?: NonNullable<CaseDocument['reviewOutcome']>;

  @opt.refs('法制审核人员', { law: '行政处罚法第58条', description: 'reviewers[].id' })
  reviewerIds?: string[];

  // —— 案件审查 ——
  @opt.refs('案件审查人员（案件审查意见的审查人，不是签署意见的承办人）', {
    law: '评查细则（2024）合法性评查第21项【Q†】：案件调查人员同时作为本案的审查人员的，为重大问题',
    description: 'officers[].id 或 reviewers[].id；与调查人员为同一人员 id 或执法证号相同的才认定为重大问题，仅同名的提示核实是否为同一人',
  })
  caseReviewerIds?: string[];

  // —— 延期 / 中止 / 恢复 / 检测 ——
  @opt.int('延长天数', { min: 1, max: 365, unit: '日', law: '《生态环境行政处罚办法》第57条【S】；行政强制法第25条（查封扣押延长不超过三十日）' })
  extensionDays?: number;

  @opt.enum('延期对象', EXTENSION_OF_LABELS)
  extensionOf?: NonNullable<CaseDocument['extensionOf']>;

  @opt.bool('经集体讨论决定继续延期', { law: '《生态环境行政处罚办法》第57条【S】' })
  extensionByCollectiveDiscussion?: boolean;

  @opt.date('中止日', { law: '《生态环境行政处罚办法》第35条【S】' })
  suspendedOn?: string;

  @opt.date('恢复日', { law: '《生态环境行政处罚办法》第35条【S】' })
  resumedOn?: string;

  @opt.object('检测、检验、鉴定期间（不计入期限）', () => DateRangeDto, { law: '行政强制法第25条第3款' })
  testingPeriod?: DateRangeDto;

  @opt.bool('检测期间已书面告知当事人', { law: '行政强制法第25条第3款' })
  testingPeriodNotified?: boolean;

  @opt.bool('已书面告知当事人该期间不计入办案期限（听证通知书、中止通知等）', { law: '《生态环境行政处罚办法》第57条【S】：不计入办案期限的，应当书面告知当事人' })
  excludedTimeNotified?: boolean;

  @opt.date('监测（检测）、鉴定结果告知当事人之日', {
    law: '《生态环境行政处罚办法》第29条第3款【Q†】：取得监测（检测）报告或者鉴定意见后，应当将监测（检测）、鉴定结果告知当事人',
    description: '写在监测（检测）报告、鉴定意见上',
  })
  resultNotifiedOn?: string;

  @opt.ref('记载结果告知的文书（结果告知书、询问笔录等）', { description: 'documents[].id' })
  resultNoticeDocumentId?: string;

  @opt.objects('其他不计入办案期限的期间（评估、认定、公告等）', () => ExcludedPeriodDto, { law: '《生态环境行政处罚办法》第57条【S】' })
  excludedPeriods?: ExcludedPeriodDto[];

  @opt.bool('情况紧急，先采取措施后报批', { law: '《环境行政处罚办法》(2010)第38条第2款；《生态环境行政处罚办法》(2023)第32条【S】：实施后二十四小时内补办批准手续' })
  urgent?: boolean;

  @opt.enum('行政复议决定结果', RECONSIDERATION_OUTCOME_LABELS, { law: '行政诉讼法第45条：收到复议决定书之日起十五日内起诉' })
  reconsiderationOutcome?: NonNullable<CaseDocument['reconsiderationOutcome']>;

  @opt.enum('人民法院判决结果（行政判决书）', COURT_OUTCOME_LABELS, {
    law: '行政诉讼法第69、70、74、75、77条；行政处罚法第48条第2款：公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，三日内撤回',
  })
  courtOutcome?: NonNullable<CaseDocument['courtOutcome']>;

  @opt.date('判决生效日（行政判决书）', {
    law: '行政处罚法第48条第2款：撤回公开的决定信息的三日自决定被变更、撤销、确认违法或者确认无效时起算',
    description: '判决发生法律效力之日（二审判决自送达起生效；一审判决在上诉期满无人上诉时生效）',
  })
  effectiveOn?: string;

  // —— 按日连续处罚 / 复查 ——
  @opt.enum('复查方式', REINSPECTION_METHOD_LABELS, { law: '《环境保护主管部门实施按日连续处罚办法》第10条（暗查）' })
  reinspectionMethod?: NonNullable<CaseDocument['reinspectionMethod']>;

  @opt.bool('复查时仍在违法排污', { law: '《环境保护主管部门实施按日连续处罚办法》第12条' })
  violationContinuing?: boolean;

  @opt.int('计罚日数', { min: 1, max: 3650, unit: '日', law: '《环境保护主管部门实施按日连续处罚办法》第17条' })
  penaltyDays?: number;

  @opt.date('计罚起始日', { law: '《环境保护主管部门实施按日连续处罚办法》第17条：自责令改正违法行为决定书送达之日的次日起' })
  penaltyDaysFrom?: string;

  @opt.date('计罚终止日', { law: '《环境保护主管部门实施按日连续处罚办法》第17条：至复查发现违法排放污染物行为之日止' })
  penaltyDaysTo?: string;

  @opt.bool('载明拒不改正的按日连续处罚后果', { law: '《环境保护主管部门实施按日连续处罚办法》第9条' })
  dailyPenaltyConsequenceStated?: boolean;

  // —— 决定书 ——
  @opt.object('决定书载明事项', () => DecisionContentsDto, { law: '行政处罚法第59条' })
  decisionContents?: DecisionContentsDto;

  @opt.bool('载明加处罚款标准', { law: '行政强制法第45条：加处罚款或者滞纳金的标准应当告知当事人' })
  surchargeStandardStated?: boolean;

  // —— 强制执行申请 ——
  @opt.bool('申请书由负责人签名', { law: '行政强制法第55条' })
  signedByResponsiblePerson?: boolean;

  // —— 信息公开 ——
  @opt.date('公开日', { law: '行政处罚法第48条' })
  publishedOn?: string;

  @opt.string('公开网址', { maxLength: 2000, format: 'uri', pattern: { re: /^https?:\/\/\S+$/, code: 'INVALID_URL', expected: '应为 http:// 或 https:// 开头的网址' } })
  publishedUrl?: string;

  @opt.text('备注')
  notes?: string;

  @opt.object('录入状态', () => DataEntryDto, { description: '缺省为已录入；未录入的事实不作为缺陷（待补录）' })
  entry?: DataEntryDto;

  // —— 规范性（布尔值：true = 载明，false = 未载明，缺省 = 未录入）——
  @opt.date('当事人申请的收到日', { law: '延期（分期）缴纳罚款申请：《生态环境行政处罚办法》第74条【S】；解除查封、扣押申请：《环境保护主管部门实施查封、扣押办法》第19条' })
  applicationReceivedOn?: string;

  @opt.date('机关收到日（行政复议决定书）', { law: '行政处罚法第48条第2款：公开的决定被变更、撤销、确认违法的，三日内撤回' })
  receivedOn?: string;

  @opt.bool('同意延期（分期）缴纳通知书已送达收缴罚款的机构', { law: '《生态环境行政处罚办法》第74条第2款【S】' })
  sentToCollectingAgency?: boolean;

  @opt.bool('笔录记载告知配合调查义务', { law: '《生态环境行政处罚办法》第28条第2款' })
  cooperationDutyNotified?: boolean;

  @opt.bool('笔录空白处注明“以下空白”或划有斜线', { law: '评查细则笔录基本要素第8项' })
  blankSpaceClosed?: boolean;

  @opt.enum('笔录修改处签名情况', CORRECTIONS_LABELS, { law: '评查细则笔录基本要素第9项：修改处有签名或者压指印' })
  corrections?: NonNullable<CaseDocument['corrections']>;

  @opt.object('催告书载明事项', () => ReminderContentsDto, { law: '行政强制法第35条' })
  reminderContents?: ReminderContentsDto;

  @opt.object('结案审批表载明事项', () => ClosingContentsDto, { law: '《生态环境行政处罚办法》第77条【S】；评查细则结案审批表' })
  closingContents?: ClosingContentsDto;
}
