import { href } from '../../router';

/** Where a leader works on a version: the editor for a draft, the review for one in review, else the follow-up. */
export function versionLink(area: string, documentId: string, version: { id: string; status: string }): string {
  if (version.status === 'DRAFT') return href('utkast', { id: version.id, params: { omrade: area, dokument: documentId } });
  if (version.status === 'IN_REVIEW') return href('granska', { id: documentId, params: { omrade: area, version: version.id } });
  return href('uppfoljning', { id: documentId, params: { omrade: area } });
}

export function followUpLink(area: string, documentId: string): string {
  return href('uppfoljning', { id: documentId, params: { omrade: area } });
}

export function reviewLink(area: string, documentId: string, versionId?: string, against?: string): string {
  return href('granska', { id: documentId, params: { omrade: area, version: versionId, mot: against } });
}
