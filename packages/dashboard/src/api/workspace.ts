import { request } from './client';
import {
  AnswerFeedbackDocument,
  CreateDraftDocument,
  LeaveFeedbackDocument,
  LinkFeedbackToDraftDocument,
  MyTasksDocument,
  PublishDocument,
  TransferOwnershipDocument,
  ReturnToDraftDocument,
  SubmitForReviewDocument,
  UpdateDraftDocument,
  WorkspaceDocumentDocument,
  WorkspaceListsDocument,
  type ChangeKind,
  type DraftInput,
  type FeedbackInput,
  type WorkspaceFeedbackFragment,
  type WorkspaceTasksFragment,
  type WorkspaceAreaListsFragment,
  type WorkspaceDocumentFieldsFragment,
} from '../gql/graphql';
import type { ShownArea } from '../model/areas';
import { areaSwitches, oneArea } from '../model/workspace';

export type AreaLists = WorkspaceAreaListsFragment;
export type WorkspaceDocument = WorkspaceDocumentFieldsFragment;
export type WorkspaceVersion = WorkspaceDocument['versions'][number];
export type WorkspaceFeedbackItem = WorkspaceFeedbackFragment;
/** Att göra in one area, as the API decides it for the signed-in leader. */
export interface AreaTasks {
  area: ShownArea;
  tasks: WorkspaceTasksFragment;
}

/** Att göra in every area the leader leads. */
export async function loadMyTasks(areas: ShownArea[]): Promise<AreaTasks[]> {
  if (areas.length === 0) return [];
  const data = await request(MyTasksDocument, areaSwitches(areas));
  const byArea: [ShownArea, { myTasks?: WorkspaceTasksFragment | null } | null | undefined][] = [
    ['CHILD_SERVICES', data.childServices],
    ['ADULT_SERVICES', data.adultServices],
    ['DISABILITY', data.disability],
    ['INCOME_SUPPORT', data.incomeSupport],
  ];
  return byArea.flatMap(([area, namespace]) => (namespace?.myTasks ? [{ area, tasks: namespace.myTasks }] : []));
}

export async function leaveFeedback(area: ShownArea, input: FeedbackInput): Promise<void> {
  await request(LeaveFeedbackDocument, { input, ...areaSwitches([area]) });
}

export async function answerFeedback(area: ShownArea, feedbackId: string, answer: string): Promise<void> {
  await request(AnswerFeedbackDocument, { feedbackId, answer, ...areaSwitches([area]) });
}

/** Links a synpunkt to the draft that addresses it; null unlinks it. */
export async function linkFeedbackToDraft(area: ShownArea, feedbackId: string, versionId: string | null): Promise<void> {
  await request(LinkFeedbackToDraftDocument, { feedbackId, versionId, ...areaSwitches([area]) });
}

/** The drafts, reviews and documents in force of the given areas, one entry per area. */
export async function loadWorkspaceLists(areas: ShownArea[]): Promise<AreaLists[]> {
  if (areas.length === 0) return [];
  const data = await request(WorkspaceListsDocument, areaSwitches(areas));
  return [data.childServices, data.adultServices, data.disability, data.incomeSupport].filter((lists): lists is AreaLists => lists != null);
}

/** One document with its versions, audit log and adoption, with the districts of the city. */
export async function loadWorkspaceDocument(
  area: ShownArea,
  id: string,
): Promise<{
  document: WorkspaceDocument | null;
  districts: { code: string; name: string }[];
  leaders: { id: string; name: string }[];
}> {
  const data = await request(WorkspaceDocumentDocument, { id, area, ...areaSwitches([area]) });
  return { document: oneArea(data)?.document ?? null, districts: data.districts, leaders: data.processLeaders };
}

export async function createDraft(area: ShownArea, input: DraftInput): Promise<WorkspaceVersion> {
  const created = oneArea(await request(CreateDraftDocument, { input, ...areaSwitches([area]) }));
  return created!.createDraft;
}

export async function updateDraft(
  area: ShownArea,
  versionId: string,
  expectedRevision: number,
  input: DraftInput,
): Promise<WorkspaceVersion> {
  const updated = oneArea(await request(UpdateDraftDocument, { versionId, expectedRevision, input, ...areaSwitches([area]) }));
  return updated!.updateDraft;
}

/** Submits the draft as the leader last saw it: a draft changed since is not submitted (CONFLICT). */
export async function submitForReview(area: ShownArea, versionId: string, expectedRevision: number): Promise<void> {
  await request(SubmitForReviewDocument, { versionId, expectedRevision, ...areaSwitches([area]) });
}

export async function returnToDraft(area: ShownArea, versionId: string, comment: string): Promise<void> {
  await request(ReturnToDraftDocument, { versionId, comment, ...areaSwitches([area]) });
}

/** Publishes the version as the reviewer read it: one changed since is not published (CONFLICT). */
export async function publish(
  area: ShownArea,
  versionId: string,
  expectedRevision: number,
  validFrom: string,
  changeKind: ChangeKind,
): Promise<void> {
  await request(PublishDocument, { versionId, expectedRevision, validFrom, changeKind, ...areaSwitches([area]) });
}

/** Hands a document to another process leader of its area. */
export async function transferOwnership(area: ShownArea, documentId: string, to: { id: string; name: string }): Promise<void> {
  await request(TransferOwnershipDocument, { documentId, to, ...areaSwitches([area]) });
}
