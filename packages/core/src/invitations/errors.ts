// Why an invitation link cannot be used, in words the accept page shows with what to do next.
import { LipError } from '../errors.ts';

export const INVITATION_PROBLEMS = [
  'UNKNOWN',
  'EXPIRED',
  'USED',
  'REVOKED',
  'OTHER_ACCOUNT',
] as const;
export type InvitationProblem = (typeof INVITATION_PROBLEMS)[number];

const ASK_AGAIN = 'Ask your partnership lead to send you a new invitation';

function messageFor(problem: InvitationProblem, email: string | null): string {
  switch (problem) {
    case 'UNKNOWN':
      return `This invitation link is not right. Check you copied the whole link from the email. ${ASK_AGAIN} if it still does not work`;
    case 'EXPIRED':
      return `This invitation has expired. ${ASK_AGAIN}`;
    case 'USED':
      return 'This invitation has already been used. If you accepted it, sign in to reach your partnership';
    case 'REVOKED':
      return `This invitation was cancelled by the partnership. ${ASK_AGAIN} if you think you should have one`;
    case 'OTHER_ACCOUNT':
      return `This invitation is for ${email ?? 'someone else'}. You are signed in as someone else: sign out, then open the link again`;
  }
}

export class InvitationUnusableError extends LipError {
  readonly problem: InvitationProblem;
  constructor(problem: InvitationProblem, email: string | null = null) {
    super(messageFor(problem, email));
    this.problem = problem;
  }
}
