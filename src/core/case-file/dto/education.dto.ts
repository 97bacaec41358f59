import type { EducationRecord } from '../types';
import { EDUCATION_FORM_LABELS } from '../labels';
import { Model, opt, req } from './field';
import { PageRangeDto, PartySignatureDto } from './document.dto';

type EducationRecipientShape = EducationRecord['recipient'];

@Model('受教育人')
export class EducationRecipientDto implements EducationRecipientShape {
  @req.string('姓名')
  name: string;

  @opt.string('职务')
  position?: string;

  @opt.ref('所属当事人', { description: 'parties[].id' })
  partyId?: string;
}

type LawReference = EducationRecord['laws'][number];

@Model('讲解的法律法规')
export class LawReferenceDto implements LawReference {
  @req.string('法律法规名称', { maxLength: 500, example: '《中华人民共和国大气污染防治法》' })
  law: string;

  @req.strings('条款', { example: ['第四十八条', '第一百零八条'] })
  articles: string[];
}

@Model('普法教育记录', '行政处罚法第6条（坚持处罚与教育相结合）、第33条第3款（不予处罚的应当对当事人进行教育）；"谁执法谁普法"普法责任制【S】')
export class EducationRecordDto implements EducationRecord {
  @req.id('记录 id')
  id: string;

  @req.date('日期')
  heldOn: string;

  @req.string('地点', { maxLength: 500 })
  place: string;

  @req.refs('执法人员', { description: 'officers[].id', minItems: 1 })
  officerIds: string[];

  @req.object('受教育人', () => EducationRecipientDto)
  recipient: EducationRecipientDto;

  @req.object('受教育人签名情况', () => PartySignatureDto)
  recipientSignature: PartySignatureDto;

  @req.objects('讲解的法律法规及条款', () => LawReferenceDto)
  laws: LawReferenceDto[];

  @req.enum('方式', EDUCATION_FORM_LABELS)
  form: EducationRecord['form'];

  @req.text('内容摘要')
  content: string;

  @opt.text('当事人反馈或承诺')
  feedback?: string;

  @opt.object('卷内页码', () => PageRangeDto)
  pages?: PageRangeDto;
}
