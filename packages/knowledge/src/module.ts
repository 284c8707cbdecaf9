import type { AreaModule } from './area-subgraph';
import { DocumentVersionResolver, documentResolvers, KnowledgeDocumentResolver } from './documents/document.resolvers';
import { seedDocuments, type DocumentSeed } from './documents/seed';
import { ProcessLeaderRef } from './documents/types';
import { KnowledgeDocuments1763800001000 } from './migrations/1763800001000-KnowledgeDocuments';

/** The shared document model, mounted in an area subgraph with the area's own demo documents. */
export function knowledgeModule(demoDocuments: DocumentSeed[]): AreaModule {
  return {
    migrations: [KnowledgeDocuments1763800001000],
    resolvers: (types) => [...documentResolvers(types), KnowledgeDocumentResolver, DocumentVersionResolver],
    orphanedTypes: [ProcessLeaderRef],
    seed: (db, area) => seedDocuments(db, area, demoDocuments),
  };
}
