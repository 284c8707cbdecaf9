import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Principal } from './principal';

/** The sentence that describes a field only signed-in callers may read; such fields are nullable, so the error stays on them. */
export const NEEDS_TOKEN = 'Needs a token: without one it is null with an UNAUTHENTICATED error, and the rest of the query still answers.';

/** The codes the rules below refuse with, and when: the start of a mutation's "Errors: …" (see errorsDoc). */
export const REFUSALS = {
  areaEditor: { UNAUTHENTICATED: '', FORBIDDEN: 'not a process leader of the area' },
  districtSystem: { UNAUTHENTICATED: '', FORBIDDEN: 'not a district system, or a row for another district' },
} as const;

/**
 * Who may do what: every access rule of Samsyn, decided here and nowhere else.
 * Areas and districts are plain strings here (Area enum values, district codes).
 */
export const policy = {
  /** Drafts, versions in review and the audit history: the area's process leaders and admins. */
  canReadUnpublished(principal: Principal | null, area: string): boolean {
    return isAdmin(principal) || isLeaderOf(principal, area);
  },

  /** Refuses anyone who may not read the area's drafts, versions in review and audit history (`what` names them). */
  requireUnpublishedReader(principal: Principal | null, area: string, what: string): Principal {
    if (!principal) throw new UnauthenticatedError(`Sign in to see ${what}.`);
    if (!policy.canReadUnpublished(principal, area)) throw new ForbiddenError(`Only process leaders of the area and admins see ${what}.`);
    return principal;
  },

  /** Any verified caller: comparisons and district profiles. */
  requireAuthenticated(principal: Principal | null): Principal {
    if (!principal) throw new UnauthenticatedError('Sign in: this needs a valid token.');
    return principal;
  },

  /** Creating, editing, submitting, publishing and retiring documents: the area's process leaders and admins. */
  requireAreaEditor(principal: Principal | null, area: string): Principal {
    const caller = policy.requireAuthenticated(principal);
    if (!isAdmin(caller) && !isLeaderOf(caller, area)) {
      throw new ForbiddenError(`Only process leaders of ${area} (or an admin) may change its documents.`, { area });
    }
    return caller;
  },

  /**
   * Four eyes bind the text: nobody who wrote or changed a version (`editors`: its creator and everyone who updated
   * it) nor whoever submitted it may publish it. The reason, or null when `principal` is a second pair of eyes.
   */
  secondPairRefusal(principal: Principal, version: { submittedBy: string | null; editors: readonly string[] }): string | null {
    if (version.editors.includes(principal.sub)) {
      return 'You wrote or changed this version; another process leader of the area or an admin, who did neither, must publish it.';
    }
    if (version.submittedBy !== null && version.submittedBy === principal.sub) {
      return 'You submitted this version for review; another process leader of the area or an admin must publish it.';
    }
    return null;
  },

  /** Refuses a publisher who wrote, changed or submitted the version (see secondPairRefusal). */
  requireSecondPair(principal: Principal, version: { submittedBy: string | null; editors: readonly string[] }): void {
    const refusal = policy.secondPairRefusal(principal, version);
    if (refusal) throw new ForbiddenError(refusal, { fourEyes: true });
  },

  /**
   * Whose synpunkter (feedback) a caller sees in an area: the area's process leaders and admins all of them;
   * a district system its district's; anyone else signed in those they left themselves.
   */
  feedbackVisibility(principal: Principal | null, area: string): FeedbackVisibility {
    const caller = policy.requireAuthenticated(principal);
    if (policy.canReadUnpublished(caller, area)) return { all: true, district: null, authorSub: null };
    if (caller.roles.includes('district-system') && caller.district) return { all: false, district: caller.district, authorSub: null };
    return { all: false, district: null, authorSub: caller.sub };
  },

  /** Acknowledging versions and reporting observations: a district system, for its own district only. */
  requireDistrictSystemFor(principal: Principal | null, districts: Iterable<string>): Principal {
    const caller = policy.requireAuthenticated(principal);
    if (!caller.roles.includes('district-system') || !caller.district) {
      throw new ForbiddenError('Only a district system may report for a district.');
    }
    const others = [...new Set(districts)].filter((district) => district !== caller.district);
    if (others.length > 0) {
      throw new ForbiddenError(`A district system reports only for its own district (${caller.district}), not for ${others.join(', ')}.`, {
        district: caller.district,
        refused: others,
      });
    }
    return caller;
  },
};

/** Which synpunkter a caller sees: all of the area's, one district's, or their own (see policy.feedbackVisibility). */
export interface FeedbackVisibility {
  all: boolean;
  district: string | null;
  authorSub: string | null;
}

function isAdmin(principal: Principal | null): boolean {
  return principal?.roles.includes('admin') ?? false;
}

function isLeaderOf(principal: Principal | null, area: string): boolean {
  return (principal?.roles.includes('process-leader') ?? false) && (principal?.areas.includes(area) ?? false);
}
