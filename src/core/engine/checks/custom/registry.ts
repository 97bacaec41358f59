/** The named custom checks (one per file). A rule names one with `check: { kind: custom, name: … }`. */
import type { CustomCheckImpl } from './types';
// 规范性 (rules/pack/normativity.yaml): what a document states; citations after a code replaces older laws
import { statedContents } from './stated-contents';
import { repealedLawCitation } from './repealed-law-citation';
import { announcementService } from './announcement-service';
import { electronicService } from './electronic-service';
import { lodgedService } from './lodged-service';
import { serviceRecord } from './service-record';
import { caseMatchesDecision } from './case-matches-decision';
import { dailyFine } from './daily-fine';
import { decidedLeProposed } from './decided-le-proposed';
import { paidCoversFine } from './paid-covers-fine';
import { penaltyDays } from './penalty-days';
import { simpleProcedureLimit } from './simple-procedure-limit';
import { surchargeCap } from './surcharge-cap';
import { agentAuthorization } from './agent-authorization';
import { caseHandlingExtensions } from './case-handling-extensions';
import { collectiveDiscussionAttendance } from './collective-discussion-attendance';
import { collectiveDiscussionIntegrity } from './collective-discussion-integrity';
import { dailyPenaltyBasis } from './daily-penalty-basis';
import { educationInFileIndex } from './education-in-file-index';
import { educationSubstance } from './education-substance';
import { exclusionIntervals } from './exclusion-intervals';
import { fileIndexComplete } from './file-index-complete';
import { fileOrder } from './file-order';
import { hearingEligibility } from './hearing-eligibility';
import { hearingHostIndependence } from './hearing-host-independence';
import { hearingRights } from './hearing-rights';
import { legalReviewerQualification } from './legal-reviewer-qualification';
import { noDocumentsAfterArchiving } from './no-documents-after-archiving';
import { noticeServiceRecord } from './notice-service-record';
import { pageContinuity } from './page-continuity';
import { preservationApproval } from './preservation-approval';
import { reportBeforeNotice } from './report-before-notice';
import { servedAfterMade } from './served-after-made';
import { statementPeriodFloor } from './statement-period-floor';
import { seizureOnTheSpotDelivery } from './seizure-on-the-spot-delivery';
import { suspensionResumption } from './suspension-resumption';
import { monitoringResultNotice } from './monitoring-result-notice';
import { investigatorNotCaseReviewer } from './investigator-not-case-reviewer';
import { seizureSiteProcedure } from './seizure-site-procedure';
import { dailyDecisionAfterOriginal } from './daily-decision-after-original';
import { partyNameConsistency } from './party-name-consistency';
import { collectiveDiscussionScope } from './collective-discussion-scope';
import { recusalDecided } from './recusal-decided';
import { certificateValidity } from './certificate-validity';
import { excludedTimeNotified } from './excluded-time-notified';
import { seizureExtensionApproval } from './seizure-extension-approval';

export const CUSTOM_CHECKS: ReadonlyMap<string, CustomCheckImpl> = new Map(
  [
    statedContents,
    repealedLawCitation,
    agentAuthorization,
    caseHandlingExtensions,
    collectiveDiscussionAttendance,
    collectiveDiscussionIntegrity,
    dailyPenaltyBasis,
    educationInFileIndex,
    educationSubstance,
    exclusionIntervals,
    fileIndexComplete,
    fileOrder,
    hearingEligibility,
    hearingHostIndependence,
    hearingRights,
    legalReviewerQualification,
    noDocumentsAfterArchiving,
    noticeServiceRecord,
    pageContinuity,
    preservationApproval,
    reportBeforeNotice,
    servedAfterMade,
    statementPeriodFloor,
    seizureOnTheSpotDelivery,
    suspensionResumption,
    // money and day counts (formerly the variants of the amount kind)
    caseMatchesDecision,
    dailyFine,
    decidedLeProposed,
    paidCoversFine,
    penaltyDays,
    simpleProcedureLimit,
    surchargeCap,
    // 评查细则（2024）重大问题
    monitoringResultNotice,
    investigatorNotCaseReviewer,
    seizureSiteProcedure,
    dailyDecisionAfterOriginal,
    partyNameConsistency,
    collectiveDiscussionScope,
    recusalDecided,
    certificateValidity,
    excludedTimeNotified,
    seizureExtensionApproval,
    // 送达 of the servable documents
    serviceRecord,
    lodgedService,
    electronicService,
    announcementService,
  ].map((c) => [c.name, c]),
);
