import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerOpenApiExtender } from '../common/openapi';
import { CaseFileEntity } from './case-file.entity';
import { CaseDeadlineEntity, CaseSummaryEntity, CaseSummaryTagEntity } from './case-summary.entity';
import { CaseSummaryService, SUMMARY_TODAY } from './case-summary.service';
import { todayInShanghai } from '../core/engine';
import { addCaseFileSchemas } from './cases.openapi';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { SampleLoader } from './sample-loader';

registerOpenApiExtender(addCaseFileSchemas);

/** 案卷: store, list, read, replace, delete case files (/api/cases). Exports CasesService for other modules. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseFileEntity, CaseSummaryEntity, CaseSummaryTagEntity, CaseDeadlineEntity])],
  controllers: [CasesController],
  providers: [CasesService, CaseSummaryService, SampleLoader, { provide: SUMMARY_TODAY, useValue: todayInShanghai }],
  exports: [CasesService, CaseSummaryService],
})
export class CasesModule {}
