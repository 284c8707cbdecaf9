/** What the editor says of one lagrum entry: known (with a link to its text), unknown (with why), or not checked. */
export interface LegalBasisCheck {
  entry: string;
  known: boolean | null;
  message?: string;
  href?: string;
}

/** Placeholder until the shared law index lands: every entry is left unchecked. */
export function checkLegalBasis(entry: string): LegalBasisCheck {
  return { entry, known: null };
}
