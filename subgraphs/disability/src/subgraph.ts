import { Area, areaSubgraph } from '@samsyn/area';
import { changesModule } from '@samsyn/changes';
// Knowledge before equality: the order types are first declared is the order schema/*.graphql prints them.
import { knowledgeModule } from '@samsyn/knowledge';
import { equalityModule } from '@samsyn/equality';
import { equalityDemo } from '@samsyn/equality/seed';
import { knowledgeDemo } from '@samsyn/knowledge/seed';
import { DISABILITY_DOCUMENTS } from '../seed/documents';
import { DISABILITY_INDICATORS } from './indicators';
import { interventionDemo } from '../seed/interventions';
import { interventionModule } from './interventions/intervention.module';
import { notCarriedOutBreakdown } from './interventions/intervention.service';

/** The breakdowns of the area's figures (for every writer of them: the module, the demo data, `npm run import`). */
export const figureBreakdowns = [notCarriedOutBreakdown];

export const subgraph = areaSubgraph(Area.DISABILITY, {
  modules: [
    knowledgeModule,
    knowledgeDemo(DISABILITY_DOCUMENTS),
    equalityModule({ breakdowns: figureBreakdowns }),
    equalityDemo(DISABILITY_INDICATORS, { breakdowns: figureBreakdowns }),
    interventionModule,
    interventionDemo,
    changesModule,
  ],
});
