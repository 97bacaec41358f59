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
import { CaseDeadlineEntity, CaseSummaryEntity, CaseSummaryTagEntity } from '../cases/case-summary.entity';
import { CreateCaseSummaries1764800000000 } from './migrations/1764800000000-create-case-summaries';

export const ENTITIES: Function[] = [CaseFileEntity, EvaluationEntity, ReviewEntity, CaseSummaryEntity, CaseSummaryTagEntity, CaseDeadlineEntity];

export const MIGRATIONS: Function[] = [CreateCaseFiles1764400000000, CreateEvaluations1764500000000, CreateReviews1764600000000, CreateCaseSummaries1764800000000];
