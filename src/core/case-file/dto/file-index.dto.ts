import type { FileIndexEntry } from '../types';
import { VOLUME_LABELS } from '../labels';
import { Model, opt, req } from './field';
import { PageRangeDto } from './document.dto';

@Model('卷内目录条目', '立卷归档：卷内目录按顺序填写、页码正确（2010《环境行政处罚办法》第68、69条【已废止，作缺省模板】）')
export class FileIndexEntryDto implements FileIndexEntry {
  @req.int('序号', { min: 1 })
  order: number;

  @req.string('题名', { maxLength: 500 })
  title: string;

  @opt.ref('对应的文书或普法教育记录', { description: 'documents[].id 或 educationRecords[].id' })
  refId?: string;

  @req.object('页码', () => PageRangeDto)
  pages: PageRangeDto;

  @opt.enum('正卷/副卷', VOLUME_LABELS)
  volume?: FileIndexEntry['volume'];
}
