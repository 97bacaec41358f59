/**
 * Compile-time proof that each DTO has exactly the properties of its interface in types.ts — no field missing
 * (which would make the validator reject valid files as "unknown property") and none extra. `implements` already
 * proves the DTO's types are assignable; this adds "same key set". Checked by `tsc --noEmit`.
 */
import type * as T from '../types';
import type * as D from './index';

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
type Item<A> = A extends readonly (infer E)[] ? E : never;

export const DTO_CONFORMANCE: Record<string, true> = {
  CaseFile: true as SameKeys<T.CaseFile, D.CaseFileDto>,
  CaseInfo: true as SameKeys<T.CaseInfo, D.CaseInfoDto>,
  Violation: true as SameKeys<T.CaseInfo['violation'], D.ViolationDto>,
  Discovery: true as SameKeys<T.CaseInfo['discovery'], D.DiscoveryDto>,
  CaseFlags: true as SameKeys<T.CaseFlags, D.CaseFlagsDto>,
  Penalty: true as SameKeys<NonNullable<T.CaseInfo['penalty']>, D.PenaltyDto>,
  Party: true as SameKeys<T.Party, D.PartyDto>,
  LegalRepresentative: true as SameKeys<NonNullable<T.Party['legalRepresentative']>, D.LegalRepresentativeDto>,
  Agent: true as SameKeys<T.Agent, D.AgentDto>,
  Officer: true as SameKeys<T.Officer, D.OfficerDto>,
  Reviewer: true as SameKeys<T.Reviewer, D.ReviewerDto>,
  CaseDocument: true as SameKeys<T.CaseDocument, D.CaseDocumentDto>,
  ServiceInfo: true as SameKeys<T.ServiceInfo, D.ServiceInfoDto>,
  Receiver: true as SameKeys<NonNullable<T.ServiceInfo['receiver']>, D.ReceiverDto>,
  PartySignature: true as SameKeys<T.PartySignature, D.PartySignatureDto>,
  Signatory: true as SameKeys<T.Signatory, D.SignatoryDto>,
  StatedPeriod: true as SameKeys<T.StatedPeriod, D.StatedPeriodDto>,
  Amounts: true as SameKeys<T.Amounts, D.AmountsDto>,
  DecisionContents: true as SameKeys<T.DecisionContents, D.DecisionContentsDto>,
  ReminderContents: true as SameKeys<T.ReminderContents, D.ReminderContentsDto>,
  ClosingContents: true as SameKeys<T.ClosingContents, D.ClosingContentsDto>,
  PageRange: true as SameKeys<NonNullable<T.CaseDocument['pages']>, D.PageRangeDto>,
  DateRange: true as SameKeys<NonNullable<T.CaseDocument['testingPeriod']>, D.DateRangeDto>,
  LocalHearingThresholds: true as SameKeys<NonNullable<T.CaseInfo['localHearingThresholds']>, D.LocalHearingThresholdsDto>,
  ExcludedPeriod: true as SameKeys<NonNullable<T.CaseDocument['excludedPeriods']>[number], D.ExcludedPeriodDto>,
  Attendee: true as SameKeys<Item<NonNullable<T.CaseDocument['attendees']>>, D.AttendeeDto>,
  EducationRecord: true as SameKeys<T.EducationRecord, D.EducationRecordDto>,
  EducationRecipient: true as SameKeys<T.EducationRecord['recipient'], D.EducationRecipientDto>,
  LawReference: true as SameKeys<Item<T.EducationRecord['laws']>, D.LawReferenceDto>,
  FileIndexEntry: true as SameKeys<T.FileIndexEntry, D.FileIndexEntryDto>,
};
