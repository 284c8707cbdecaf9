import type { AreaModule } from '@samsyn/area';
import { AdoptionResolver, adoptionMutations, DocumentAdoptionResolver, ProfileAdoptionResolver } from './adoption/adoption.resolver';
import { DocumentsResolver, DocumentVersionResolver, documentMutations, KnowledgeDocumentResolver } from './documents/document.resolver';
import { documentNotices } from './documents/document.notices';
import { ProcessLeaderRef } from './documents/document.types';
import { KnowledgeDocuments1763800001000 } from './migrations/1763800001000-KnowledgeDocuments';
import { Adoption1763800002000 } from './migrations/1763800002000-Adoption';
import { DocumentAreaUnlisted1763800008000 } from './migrations/1763800008000-DocumentAreaUnlisted';
import { VersionEditors1764100001000 } from './migrations/1764100001000-VersionEditors';
import { LeaderTasksResolver, MyTasksResolver } from './tasks/tasks.resolver';
import { Feedback1764100002000 } from './migrations/1764100002000-Feedback';
import { DocumentOwner1764100003000 } from './migrations/1764100003000-DocumentOwner';
import { ChangeKind1764100004000 } from './migrations/1764100004000-ChangeKind';
import {
  AreaFeedbackResolver,
  DocumentFeedbackResolver,
  feedbackMutations,
  FeedbackResolver,
  VersionFeedbackResolver,
} from './feedback/feedback.resolver';

/** The shared document model: documents, versions, their lifecycle and districts' adoption. Its demo data: `knowledgeDemo` (seed/). */
export const knowledgeModule: AreaModule = {
  migrations: [
    KnowledgeDocuments1763800001000,
    Adoption1763800002000,
    DocumentAreaUnlisted1763800008000,
    VersionEditors1764100001000,
    Feedback1764100002000,
    DocumentOwner1764100003000,
    ChangeKind1764100004000,
  ],
  resolvers: (types) => [
    DocumentsResolver,
    ...documentMutations(types),
    ...adoptionMutations(types),
    KnowledgeDocumentResolver,
    DocumentVersionResolver,
    DocumentAdoptionResolver,
    AdoptionResolver,
    ProfileAdoptionResolver,
    ...feedbackMutations(types),
    AreaFeedbackResolver,
    DocumentFeedbackResolver,
    FeedbackResolver,
    VersionFeedbackResolver,
    MyTasksResolver,
    LeaderTasksResolver,
  ],
  orphanedTypes: [ProcessLeaderRef],
  background: (context) => [documentNotices(context)],
};
