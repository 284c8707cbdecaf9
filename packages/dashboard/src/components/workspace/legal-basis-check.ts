import { checkLagrum } from '../../model/law';

/** What the editor says of one lagrum entry: known (with a link to its text), unknown (with why), or not checkable. */
export interface LegalBasisCheck {
  entry: string;
  known: boolean | null;
  message?: string;
  href?: string;
}

/** One lagrum entry checked against the law texts Samsyn knows (model/law.ts). */
export function checkLegalBasis(entry: string): LegalBasisCheck {
  const check = checkLagrum(entry);
  switch (check.status) {
    case 'known':
      return { entry, known: true, message: check.message, href: check.href };
    case 'repealed':
      return { entry, known: false, message: check.message, href: check.href };
    case 'other-law':
      return { entry, known: null, message: check.message };
    default:
      return { entry, known: false, message: check.message };
  }
}
