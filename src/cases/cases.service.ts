import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { conflict, notFound } from '../common/errors';
import type { CaseFile } from '../core/case-file/types';
import { CaseFileEntity } from './case-file.entity';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

@Injectable()
export class CasesService {
  constructor(@InjectRepository(CaseFileEntity) private readonly repo: Repository<CaseFileEntity>) {}

  /** The stored row, or 404 CASE_NOT_FOUND. */
  async getEntity(id: string): Promise<CaseFileEntity> {
    const row = UUID_RE.test(id) ? await this.repo.findOneBy({ id }) : null;
    if (!row) notFound(`案卷不存在：${id}`, 'CASE_NOT_FOUND', [{ path: 'id', code: 'CASE_NOT_FOUND', message: `案卷不存在：${id}` }]);
    return row;
  }

  /** The case file exactly as submitted, or 404 CASE_NOT_FOUND. */
  async getCaseFile(id: string): Promise<CaseFile> {
    return JSON.parse((await this.getEntity(id)).document) as CaseFile;
  }

  /** 409 CASE_ARCHIVED if the case is archived (已归档案卷不得修改); 404 if it does not exist. */
  async assertWritable(id: string): Promise<CaseFileEntity> {
    const row = await this.getEntity(id);
    if (row.status === 'archived') {
      conflict(`案卷已归档，不得修改或删除：${row.caseNumber}`, 'CASE_ARCHIVED');
    }
    return row;
  }
}
