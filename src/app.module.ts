import { Module } from '@nestjs/common';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { UsersModule } from './users/users.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { AdjudicationsModule } from './adjudications/adjudications.module';
import { EvaluationTasksModule } from './evaluation-tasks/evaluation-tasks.module';
import { AppConfigModule } from './config/app-config';
import { ListAdmissionModule } from './common/list-admission';
import { DatabaseModule } from './database/database.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { IntakeModule } from './intake/intake.module';
import { ReportModule } from './report/report.module';
import { ReviewModule } from './review/review.module';
import { WebModule } from './web/web.module';

/**
 * Root module: one import per feature module.
 * App-wide setup (global prefix /api, error filter, body limit, Swagger) lives in src/app.factory.ts, not here.
 */
@Module({
  imports: [
    AppConfigModule,
    ListAdmissionModule,
    DatabaseModule,
    AuditModule,
    AgenciesModule,
    UsersModule,
    AuthModule,
    HealthModule,
    CasesModule,
    CalendarModule,
    EvaluationsModule,
    ReportModule,
    ReviewModule,
    DeadlinesModule,
    IntakeModule,
    AdjudicationsModule,
    EvaluationTasksModule,
    WebModule,
  ],
})
export class AppModule {}
