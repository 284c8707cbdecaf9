import { isUuid, type Db } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { ProcessLeader } from './process-leader.entity';

/** The directory of process leaders. */
export class ProcessLeaderService {
  constructor(private readonly db: Db) {}

  /** Leaders of any of `areas` (all when none given), in name order. */
  async list(areas?: readonly Area[]): Promise<ProcessLeader[]> {
    const query = this.db.getRepository(ProcessLeader).createQueryBuilder('p').orderBy('p.name', 'ASC');
    if (areas) query.where('p.areas && :areas', { areas });
    return query.getMany();
  }

  async byIds(ids: readonly string[]): Promise<ProcessLeader[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return this.db.getRepository(ProcessLeader).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids: valid }).getMany();
  }
}
