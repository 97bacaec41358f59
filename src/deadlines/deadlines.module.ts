import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DeadlinesController } from './deadlines.controller';

/** GET /api/deadlines — the cross-case deadline view, from the stored case summaries. */
@Module({
  imports: [CasesModule],
  controllers: [DeadlinesController],
})
export class DeadlinesModule {}
