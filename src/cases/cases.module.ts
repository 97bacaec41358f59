import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerOpenApiExtender } from '../common/openapi';
import { CaseFileEntity } from './case-file.entity';
import { CaseDeadlineEntity, CaseSummaryEntity, CaseSummaryTagEntity } from './case-summary.entity';
import { CaseSummaryService } from './case-summary.service';
import { addCaseFileSchemas } from './cases.openapi';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { SampleLoader } from './sample-loader';

registerOpenApiExtender(addCaseFileSchemas);

/** 案卷: store, list, read, replace, delete case files (/api/cases). Exports CasesService for other modules. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseFileEntity, CaseSummaryEntity, CaseSummaryTagEntity, CaseDeadlineEntity])],
  controllers: [CasesController],
  providers: [CasesService, CaseSummaryService, SampleLoader],
  exports: [CasesService, CaseSummaryService],
})
export class CasesModule {}
