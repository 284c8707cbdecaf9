import { BadInputError, type Db } from '@samsyn/core';
import { addDays, addMonths } from './calendar';
import { ruleInForce } from './deadline.rules';
import { Deadline, Deadlines } from './deadline.types';

/** The due dates of the investigation chain: the same for the same dates in every district. */
export class DeadlineService {
  constructor(private readonly db: Db) {}

  /** The initial assessment's due date from the day the report came in, and the investigation's once it has started. */
  async deadlines(received: string, started: string | null): Promise<Deadlines> {
    if (started && started < received)
      throw new BadInputError('investigationStartedOn cannot be before reportReceivedOn.', {
        reportReceivedOn: received,
        investigationStartedOn: started,
      });
    const initial = await ruleInForce(this.db, 'initialAssessmentDays', received);
    const initialAssessment = Object.assign(new Deadline(), {
      due: addDays(received, initial.value),
      days: initial.value,
      months: null,
      legalBasis: initial.rules.legalBasis?.initialAssessment ?? 'SoL 20 kap. 2 §',
      routineVersion: initial.version,
    });
    let investigation: Deadline | null = null;
    if (started) {
      const rule = await ruleInForce(this.db, 'investigationMonths', started);
      investigation = Object.assign(new Deadline(), {
        due: addMonths(started, rule.value),
        days: null,
        months: rule.value,
        legalBasis: rule.rules.legalBasis?.investigation ?? 'SoL 20 kap. 3 §',
        routineVersion: rule.version,
      });
    }
    return Object.assign(new Deadlines(), {
      initialAssessmentDue: initialAssessment.due,
      investigationDue: investigation?.due ?? null,
      legalBasis: [initialAssessment.legalBasis, ...(investigation ? [investigation.legalBasis] : [])],
      routineVersion: initial.version,
      initialAssessment,
      investigation,
    });
  }
}
