import { currentRequest } from '../common/request-context';

/**
 * Which agencies' cases a caller may see and change: agency ids (the user's agency and its subtree), or
 * `undefined` for the service itself (start-up, sample loading, background work). By default it is taken from the
 * request being handled, so every module that reads cases through CasesService (review, report, evaluations,
 * the list and the deadline view) is scoped to the logged-in user: a case of another agency does not exist for
 * that user (404), in reads, lists and writes alike.
 */
export type CaseScope = readonly string[] | undefined;

export function requestScope(): CaseScope {
  return currentRequest()?.user?.agencyIds;
}
