/**
 * 评查意见与签署 — the sign-off of one review (one version of the case's review):
 *
 *   open ──sign(评查人, 评查意见)──▶ signed ──approve(组长)──▶ approved (frozen)
 *     ▲                                 │
 *     └──────────── returned ◀──return(组长, 退回意见)
 *
 * - the 评查人 signs with the 评查意见 (free text, required); a signed review is frozen: rulings, manual findings
 *   and scores of the case no longer change what it shows (its adjudicated result is kept as signed);
 * - 复核 is done by a second reviewer (组长), never the one who signed; 退回 needs a comment and reopens the review;
 * - an approved review is final; a new review of the case starts a new version, the old one stays readable.
 */
import { AdjudicationError } from './rulings';
import type { Actor } from './types';

export type SignOffState = 'open' | 'signed' | 'approved' | 'returned';

export const SIGN_OFF_STATE_LABEL: Record<SignOffState, string> = {
  open: '评查中',
  signed: '已签署，待复核',
  approved: '复核通过',
  returned: '已退回',
};

export type SignOffEvent =
  | { type: 'sign'; by: Actor; at: string; opinion: string }
  | { type: 'approve'; by: Actor; at: string; comment?: string }
  | { type: 'return'; by: Actor; at: string; comment: string };

export interface SignOff {
  state: SignOffState;
  /** 评查意见 of the current signature */
  opinion?: string;
  signedBy?: Actor;
  signedAt?: string;
  reviewedBy?: Actor;
  reviewedAt?: string;
  /** 复核意见 (approval) or 退回意见 */
  reviewComment?: string;
  history: SignOffEvent[];
}

export function newSignOff(): SignOff {
  return { state: 'open', history: [] };
}

/** The review can still be changed (rulings and manual items apply to it). */
export function isEditable(s: SignOff): boolean {
  return s.state === 'open' || s.state === 'returned';
}

export function applySignOffEvent(s: SignOff, e: SignOffEvent): SignOff {
  switch (e.type) {
    case 'sign': {
      if (!isEditable(s)) throw new AdjudicationError('SIGN_OFF_FROZEN', `本次评查${SIGN_OFF_STATE_LABEL[s.state]}，不能再次签署`);
      if (!e.opinion || !e.opinion.trim()) throw new AdjudicationError('OPINION_REQUIRED', '签署须填写评查意见', 'opinion');
      return { state: 'signed', opinion: e.opinion.trim(), signedBy: e.by, signedAt: e.at, history: [...s.history, e] };
    }
    case 'approve':
    case 'return': {
      if (s.state !== 'signed') {
        throw new AdjudicationError('NOT_SIGNED', `本次评查${SIGN_OFF_STATE_LABEL[s.state]}，只有已签署的评查可以复核`);
      }
      if (s.signedBy && s.signedBy.id === e.by.id) {
        throw new AdjudicationError('SAME_REVIEWER', '复核须由评查人以外的另一名评查人员（组长）进行');
      }
      if (e.type === 'return') {
        if (!e.comment || !e.comment.trim()) throw new AdjudicationError('COMMENT_REQUIRED', '退回须填写退回意见', 'comment');
        return { ...s, state: 'returned', reviewedBy: e.by, reviewedAt: e.at, reviewComment: e.comment.trim(), history: [...s.history, e] };
      }
      const next: SignOff = { ...s, state: 'approved', reviewedBy: e.by, reviewedAt: e.at, history: [...s.history, e] };
      if (e.comment && e.comment.trim()) next.reviewComment = e.comment.trim();
      else delete next.reviewComment;
      return next;
    }
  }
}

/** Replay a stored event list. */
export function replaySignOff(events: readonly SignOffEvent[]): SignOff {
  return events.reduce(applySignOffEvent, newSignOff());
}
