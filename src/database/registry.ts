/**
 * Every entity and migration of the application, in one place, so the Nest app, the TypeORM CLI
 * (src/database/data-source.ts) and the tests see the same schema. A module that adds a table adds its
 * entity and migration here (migrations in src/database/migrations/, class name ending in a timestamp).
 */
import { CaseFileEntity } from '../cases/case-file.entity';
import { CreateCaseFiles1764400000000 } from './migrations/1764400000000-create-case-files';
import { EvaluationEntity } from '../evaluations/evaluation.entity';
import { CreateEvaluations1764500000000 } from './migrations/1764500000000-create-evaluations';
import { ReviewEntity } from '../review/review.entity';
import { CreateReviews1764600000000 } from './migrations/1764600000000-create-reviews';
import { AgencyEntity } from '../agencies/agency.entity';
import { UserEntity } from '../users/user.entity';
import { SessionEntity } from '../auth/session.entity';
import { AuditEntryEntity } from '../audit/audit.entity';
import { CreateAuth1764700000000 } from './migrations/1764700000000-create-auth';
import { EvaluationAgency1765000000000 } from './migrations/1765000000000-evaluation-agency';
import { CaseDeadlineEntity, CaseSummaryEntity, CaseSummaryTagEntity } from '../cases/case-summary.entity';
import { CreateCaseSummaries1764800000000 } from './migrations/1764800000000-create-case-summaries';
import { EvaluationLeases1764900000000 } from './migrations/1764900000000-evaluation-leases';
import { ExplanationEntity, ManualJudgementEntity, RulingEntity, SignOffEntity } from '../adjudications/adjudication.entities';
import { CreateAdjudications1764910000000 } from './migrations/1764910000000-create-adjudications';
import { EvaluationTaskCaseEntity, EvaluationTaskEntity, ObjectionEntity, RectificationEntity } from '../evaluation-tasks/evaluation-task.entities';
import { CreateEvaluationTasks1764920000000 } from './migrations/1764920000000-create-evaluation-tasks';
import { CaseSummaryAgencyIds1765100000000 } from './migrations/1765100000000-case-summary-agency-ids';
import { ReviewModeWidth1765200000000 } from './migrations/1765200000000-review-mode-width';
import { CaseListOrderIndex1765300000000 } from './migrations/1765300000000-case-list-order-index';

export const ENTITIES: Function[] = [
  CaseFileEntity,
  EvaluationEntity,
  ReviewEntity,
  AgencyEntity,
  UserEntity,
  SessionEntity,
  AuditEntryEntity,
  CaseSummaryEntity,
  CaseSummaryTagEntity,
  CaseDeadlineEntity,
  RulingEntity,
  ExplanationEntity,
  ManualJudgementEntity,
  SignOffEntity,
  EvaluationTaskEntity,
  EvaluationTaskCaseEntity,
  ObjectionEntity,
  RectificationEntity,
];

export const MIGRATIONS: Function[] = [
  CreateCaseFiles1764400000000,
  CreateEvaluations1764500000000,
  CreateReviews1764600000000,
  CreateAuth1764700000000,
  CreateCaseSummaries1764800000000,
  EvaluationLeases1764900000000,
  CreateAdjudications1764910000000,
  CreateEvaluationTasks1764920000000,
  EvaluationAgency1765000000000,
  CaseSummaryAgencyIds1765100000000,
  ReviewModeWidth1765200000000,
  CaseListOrderIndex1765300000000,
];
