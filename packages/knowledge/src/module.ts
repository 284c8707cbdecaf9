import type { AreaModule } from './area-subgraph';
import { AdoptionResolver, adoptionMutations, DocumentAdoptionResolver, ProfileAdoptionResolver } from './documents/adoption.resolvers';
import { DocumentsResolver, DocumentVersionResolver, documentMutations, KnowledgeDocumentResolver } from './documents/document.resolvers';
import { seedAdoption, seedDocuments, type DocumentSeed } from './documents/seed';
import { ProcessLeaderRef } from './documents/types';
import { KnowledgeDocuments1763800001000 } from './migrations/1763800001000-KnowledgeDocuments';
import { Adoption1763800002000 } from './migrations/1763800002000-Adoption';

/** The shared document model, mounted in an area subgraph with the area's own demo documents. */
export function knowledgeModule(demoDocuments: DocumentSeed[]): AreaModule {
  return {
    migrations: [KnowledgeDocuments1763800001000, Adoption1763800002000],
    resolvers: (types) => [
      DocumentsResolver,
      ...documentMutations(types),
      ...adoptionMutations(types),
      KnowledgeDocumentResolver,
      DocumentVersionResolver,
      DocumentAdoptionResolver,
      AdoptionResolver,
      ProfileAdoptionResolver,
    ],
    orphanedTypes: [ProcessLeaderRef],
    async seed(db, area, today) {
      await seedDocuments(db, area, demoDocuments);
      await seedAdoption(db, area, today);
    },
  };
}
