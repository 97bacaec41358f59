import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ReviewModule } from '../review/review.module';
import { ScoresController, VocabularyController } from './web.controller';

/**
 * What the web app needs beyond the other modules' API:
 *   GET /api/vocabulary                 every label and the document-type catalog (the UI keeps no copy)
 *   GET /api/vocabulary/holidays/:year  法定节假日 and 调休上班日 of a year (date pickers, holiday page)
 *   GET /api/scores?caseIds=…           latest score / grade / veto / next deadline of listed cases
 *   GET /api/scores/:caseId             the full score of a case's latest stored review
 * The built app itself (web/dist) is served by serveWebApp, installed in configureApp.
 */
@Module({
  imports: [CasesModule, ReviewModule],
  controllers: [VocabularyController, ScoresController],
})
export class WebModule {}
