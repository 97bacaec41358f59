// DTOs of the people of a case file: one decorated property per field of ../types.ts (declarations, alike in
// shape with the other DTOs of this folder by design).
import type { Agent, Officer, Party, Reviewer, ReviewerRole } from '../types';
import { PARTY_KIND_LABELS, REVIEWER_ROLE_LABELS } from '../labels';
import { Model, opt, req } from './field';

/** 统一社会信用代码 (GB 32100-2015): 18 characters; digits and capital letters other than I, O, Z, S, V. */
export const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** 公民身份号码: 18 characters (last may be X) — middle digits may be masked with * — or a legacy 15-digit number. */
export const ID_NUMBER_RE = /^(\d{6}[\d*]{11}[\dX*]|\d{15})$/;

type LegalRepresentativeShape = NonNullable<Party['legalRepresentative']>;

@Model('法定代表人（负责人）')
export class LegalRepresentativeDto implements LegalRepresentativeShape {
  @req.string('姓名')
  name: string;

  @opt.string('职务', { example: '总经理' })
  position?: string;
}

@Model('当事人', '行政处罚法第59条第1款（一）：决定书应载明当事人的姓名或者名称、地址')
export class PartyDto implements Party {
  @req.id('当事人 id', { description: '在本案卷内唯一，供文书 partyId 等引用', example: 'p1' })
  id: string;

  @req.enum('当事人类别', PARTY_KIND_LABELS)
  kind: 'organization' | 'individual';

  @req.string('姓名或者名称', { law: '行政处罚法第59条第1款（一）', example: '益阳市某某化工有限公司' })
  name: string;

  @opt.string('统一社会信用代码', {
    law: 'GB 32100-2015',
    description: '法人和其他组织填写',
    pattern: {
      re: CREDIT_CODE_RE,
      code: 'INVALID_CREDIT_CODE',
      expected: '应为 18 位，由数字和除 I、O、Z、S、V 以外的大写字母组成',
    },
    example: '91430900MA4L0XXX8B',
  })
  creditCode?: string;

  @opt.string('公民身份号码', {
    description: '公民填写；中间位可用 * 遮蔽',
    pattern: { re: ID_NUMBER_RE, code: 'INVALID_ID_NUMBER', expected: '应为 18 位（末位可为 X，中间位可用 * 遮蔽）或 15 位数字' },
  })
  idNumber?: string;

  @req.string('住所（地址）', { law: '行政处罚法第59条第1款（一）', maxLength: 500 })
  address: string;

  @opt.object('法定代表人（负责人）', () => LegalRepresentativeDto)
  legalRepresentative?: LegalRepresentativeDto;

  @opt.string('联系电话', { maxLength: 50 })
  phone?: string;
}

@Model('委托代理人', '行政处罚法第64条第1款（五）：当事人可以亲自参加听证，也可以委托一至二人代理')
export class AgentDto implements Agent {
  @req.id('代理人 id')
  id: string;

  @req.string('姓名')
  name: string;

  @req.ref('被代理的当事人', { description: 'parties[].id' })
  partyId: string;

  @opt.string('公民身份号码', {
    pattern: { re: ID_NUMBER_RE, code: 'INVALID_ID_NUMBER', expected: '应为 18 位（末位可为 X，中间位可用 * 遮蔽）或 15 位数字' },
  })
  idNumber?: string;

  @opt.ref('授权委托书', { description: 'documents[].id（类型 authorization_letter）' })
  authorizationDocumentId?: string;
}

@Model('执法人员', '行政处罚法第42条：执法人员不得少于两人；第55条：应当主动出示执法证件')
export class OfficerDto implements Officer {
  @req.id('执法人员 id')
  id: string;

  @req.string('姓名')
  name: string;

  @req.string('执法证号', { law: '行政处罚法第55条（出示执法证件）', maxLength: 100 })
  certificateNo: string;

  @opt.date('执法证有效期起始日', { law: '评查细则（2024）合法性评查第2项【Q†】：执法人员不具有行政执法资格' })
  certificateValidFrom?: string;

  @opt.date('执法证有效期截止日', { law: '评查细则（2024）合法性评查第2项常见错误④【Q†】：使用不在有效期内的行政执法证执法' })
  certificateValidUntil?: string;

  @opt.string('所在单位')
  unit?: string;
}

@Model('机关内部人员（负责人、法制审核人员、听证主持人、记录人等）')
export class ReviewerDto implements Reviewer {
  @req.id('人员 id')
  id: string;

  @req.string('姓名')
  name: string;

  @req.enum('身份', REVIEWER_ROLE_LABELS, { law: '行政处罚法第57、58、64条' })
  role: ReviewerRole;

  @opt.bool('机关主要负责人', { law: '《生态环境行政处罚办法》第6条第3款【Q†】：主要负责人的回避由负责人集体讨论决定；其他负责人的回避由主要负责人决定' })
  principal?: boolean;

  @opt.bool('取得法律职业资格', { law: '行政处罚法第58条第2款：初次从事行政处罚决定法制审核的，应当通过国家统一法律职业资格考试取得法律职业资格' })
  legalQualification?: boolean;

  @opt.bool('初次从事法制审核', { law: '行政处罚法第58条第2款' })
  firstTimeLegalReviewer?: boolean;

  @opt.string('执法证号', {
    description: '机关人员持有执法证的填写：与某一执法人员的执法证号相同即为同一人（同名而执法证号未载明的，只提示核实）',
    law: '评查细则（2024）合法性评查第21项【Q†】：案件调查人员同时作为本案的审查人员',
    maxLength: 100,
  })
  certificateNo?: string;
}
