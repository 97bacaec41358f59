// The DTOs of the case-file format: one decorated property per field of ../types.ts (label, 依据, limits), read by
// the validator and the JSON schema generator. Classes of this folder are alike in shape by design: declarations.
import type { CaseFlags, CaseInfo, CaseSource, CaseStatus, PenaltyKind, Procedure } from '../types';
import { CASE_SOURCE_LABELS, CASE_STATUS_LABELS, PENALTY_KIND_LABELS, PROCEDURE_LABELS } from '../labels';
import { Model, opt, req } from './field';

type ViolationShape = CaseInfo['violation'];

@Model('违法行为', '行政处罚法第36条：追责时效从违法行为发生之日起计算；连续或者继续状态的，从行为终了之日起计算')
export class ViolationDto implements ViolationShape {
  @req.date('违法行为发生日', { law: '行政处罚法第36条第2款' })
  occurredOn: string;

  @opt.date('连续或者继续状态终了日', { law: '行政处罚法第36条第2款' })
  endedOn?: string;

  @opt.bool('有连续或者继续状态', { law: '行政处罚法第36条第2款' })
  continuing?: boolean;

  @opt.bool('涉及公民生命健康安全且有危害后果', { law: '行政处罚法第36条第1款（追责期限延长至五年）' })
  endangersLifeOrHealth?: boolean;
}

type DiscoveryShape = CaseInfo['discovery'];

@Model('案件发现/来源')
export class DiscoveryDto implements DiscoveryShape {
  @req.date('线索发现/收到之日', {
    law: '行政处罚法第36条（二年内未被发现的不再处罚）；《生态环境行政处罚办法》第18条（十五日内决定是否立案）【S】',
  })
  discoveredOn: string;

  @req.enum('案件来源', CASE_SOURCE_LABELS)
  source: CaseSource;

  @opt.string('来源说明', { description: '举报编号、交办函号、移送函号等', maxLength: 500 })
  sourceNote?: string;
}

@Model('案件特征标记', '决定适用哪些程序和完整性规则（听证、重大案件、按日连续处罚、查封扣押……）')
export class CaseFlagsDto implements CaseFlags {
  @opt.bool('听证案件', { law: '行政处罚法第63、64条' })
  hearing?: boolean;

  @opt.bool('重大案件（情节复杂或者重大违法行为）', { law: '行政处罚法第57条第2款、第58条' })
  major?: boolean;

  @opt.bool('不予行政处罚', { law: '行政处罚法第33条' })
  noPenalty?: boolean;

  @opt.bool('按日连续处罚', { law: '环境保护法第59条；《环境保护主管部门实施按日连续处罚办法》' })
  dailyPenalty?: boolean;

  @opt.bool('查封、扣押', { law: '行政强制法第24、25条；《环境保护主管部门实施查封、扣押办法》' })
  sealSeizure?: boolean;

  @opt.bool('限制生产、停产整治', { law: '《环境保护主管部门实施限制生产、停产整治办法》' })
  productionRestriction?: boolean;

  @opt.bool('移送（行政拘留或涉嫌犯罪）', { law: '《行政执法机关移送涉嫌犯罪案件的规定》第5条' })
  transfer?: boolean;

  @opt.bool('涉嫌犯罪', { law: '行政处罚法第27条；《行政执法机关移送涉嫌犯罪案件的规定》' })
  suspectedCrime?: boolean;

  @opt.bool('属法制审核目录内事项', { law: '行政处罚法第58条第1款（四）及地方重大执法决定法制审核目录' })
  legalReviewRequired?: boolean;
}

type PenaltyShape = NonNullable<CaseInfo['penalty']>;

@Model('处罚内容', '行政处罚法第9条（处罚种类）、第44条（告知拟作出的处罚内容）、第45条第2款（不得因申辩加重）')
export class PenaltyDto implements PenaltyShape {
  @req.enums('处罚种类', PENALTY_KIND_LABELS, { law: '行政处罚法第9条', minItems: 1 })
  kinds: PenaltyKind[];

  @opt.amount('拟罚款金额（告知书，元）', { law: '行政处罚法第44条' })
  proposedFine?: number;

  @opt.amount('决定罚款金额（元）', { law: '行政处罚法第59条第1款（三）' })
  decidedFine?: number;

  @opt.amount('没收违法所得/非法财物价值（元）', { law: '行政处罚法第9条（二）' })
  confiscationAmount?: number;
}

type LocalHearingThresholds = NonNullable<CaseInfo['localHearingThresholds']>;

@Model('地方规定的听证较大数额')
export class LocalHearingThresholdsDto implements LocalHearingThresholds {
  @opt.amount('公民（元，以上含本数）')
  individual?: number;

  @opt.amount('法人或者其他组织（元，以上含本数）')
  organization?: number;

  @req.string('地方性法规或地方政府规章名称及条款', { example: '《××省行政处罚听证程序规定》第七条' })
  source: string;
}

@Model('案件基本信息')
export class CaseInfoDto implements CaseInfo {
  @req.string('案号', { example: '益环罚〔2025〕12号' })
  caseNumber: string;

  @req.string('案由', { maxLength: 500, example: '未按规定安装使用大气污染防治设施案' })
  causeOfAction: string;

  @req.string('执法机关', { example: '益阳市生态环境局' })
  agency: string;

  @req.enum('程序', PROCEDURE_LABELS, { law: '行政处罚法第51条（简易程序）、第54条（普通程序）' })
  procedure: Procedure;

  @req.enum('案件状态', CASE_STATUS_LABELS, { description: '已归档（archived）的案卷在本系统中只读，不得修改或删除' })
  status: CaseStatus;

  @req.object('违法行为', () => ViolationDto)
  violation: ViolationDto;

  @req.object('案件发现/来源', () => DiscoveryDto)
  discovery: DiscoveryDto;

  @opt.object('案件特征标记', () => CaseFlagsDto)
  flags?: CaseFlagsDto;

  @opt.object('处罚内容', () => PenaltyDto)
  penalty?: PenaltyDto;

  @opt.object('地方规定的听证较大数额（另有规定的，从其规定）', () => LocalHearingThresholdsDto, { law: '《生态环境行政处罚办法》第89条【Q†】' })
  localHearingThresholds?: LocalHearingThresholdsDto;

  @opt.strings('违反的条款', { law: '行政处罚法第59条第1款（二）', example: ['《中华人民共和国大气污染防治法》第四十八条第一款'] })
  violatedProvisions?: string[];

  @opt.strings('处罚依据条款', { law: '行政处罚法第59条第1款（三）', example: ['《中华人民共和国大气污染防治法》第一百零八条第（一）项'] })
  penaltyProvisions?: string[];

  @opt.date('结案日（结案审批表批准日）', { description: '仅作信息；规则以卷内结案审批表为准' })
  closedOn?: string;

  @opt.date('归档日', { description: '归档后不得修改、增加、抽取案卷材料' })
  archivedOn?: string;

  @opt.text('备注')
  notes?: string;
}
