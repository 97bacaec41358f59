/** The named custom checks (one per file). A rule names one with `check: { kind: custom, name: … }`. */
import type { CustomCheckImpl } from './types';
import { agentAuthorization } from './agent-authorization';
import { caseHandlingExtensions } from './case-handling-extensions';
import { collectiveDiscussionAttendance } from './collective-discussion-attendance';
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
import { pageContinuity } from './page-continuity';
import { preservationApproval } from './preservation-approval';
import { reportBeforeNotice } from './report-before-notice';
import { servedAfterMade } from './served-after-made';
import { statementPeriodFloor } from './statement-period-floor';
import { seizureOnTheSpotDelivery } from './seizure-on-the-spot-delivery';
import { suspensionResumption } from './suspension-resumption';

export const CUSTOM_CHECKS: ReadonlyMap<string, CustomCheckImpl> = new Map(
  [
    agentAuthorization,
    caseHandlingExtensions,
    collectiveDiscussionAttendance,
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
    pageContinuity,
    preservationApproval,
    reportBeforeNotice,
    servedAfterMade,
    statementPeriodFloor,
    seizureOnTheSpotDelivery,
    suspensionResumption,
  ].map((c) => [c.name, c]),
);
