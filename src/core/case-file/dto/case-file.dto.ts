import { CASE_FILE_FORMAT_VERSION, type CaseFile } from '../types';
import { CaseInfoDto } from './case-info.dto';
import { CaseDocumentDto, DataEntryDto } from './document.dto';
import { EducationRecordDto } from './education.dto';
import { Model, opt, req } from './field';
import { FileIndexEntryDto } from './file-index.dto';
import { AgentDto, OfficerDto, PartyDto, ReviewerDto } from './people.dto';

@Model('案卷（卷宗 JSON，格式版本 1.0）', '一个行政处罚案件的全部卷内材料')
export class CaseFileDto implements CaseFile {
  @req.constant('格式版本', CASE_FILE_FORMAT_VERSION, 'UNSUPPORTED_FORMAT_VERSION')
  formatVersion: typeof CASE_FILE_FORMAT_VERSION;

  @req.object('案件基本信息', () => CaseInfoDto)
  case: CaseInfoDto;

  @req.objects('当事人', () => PartyDto, { minItems: 1, law: '行政处罚法第59条第1款（一）' })
  parties: PartyDto[];

  @opt.objects('委托代理人', () => AgentDto)
  agents?: AgentDto[];

  @req.objects('执法人员', () => OfficerDto, { law: '行政处罚法第42条' })
  officers: OfficerDto[];

  @opt.objects('机关内部人员（负责人、法制审核人员、听证主持人、记录人等）', () => ReviewerDto)
  reviewers?: ReviewerDto[];

  @req.objects('卷内文书', () => CaseDocumentDto)
  documents: CaseDocumentDto[];

  @req.objects('普法教育记录', () => EducationRecordDto, { law: '行政处罚法第6条、第33条第3款' })
  educationRecords: EducationRecordDto[];

  @req.objects('卷内目录', () => FileIndexEntryDto)
  fileIndex: FileIndexEntryDto[];

  @opt.object('案件信息录入状态', () => DataEntryDto, { description: '案件信息、当事人、人员、普法教育记录等的录入状态；缺省为已录入' })
  entry?: DataEntryDto;
}
