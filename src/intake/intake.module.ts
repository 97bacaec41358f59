import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';

/** 案卷录入 (/api/intake/*, /api/cases/:id/case-file.xlsx): the 卷内目录 workbook around src/core/intake. */
@Module({
  imports: [CasesModule],
  controllers: [IntakeController],
  providers: [IntakeService],
})
export class IntakeModule {}
