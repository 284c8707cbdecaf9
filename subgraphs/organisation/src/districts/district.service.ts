import { isUuid, type Db } from '@samsyn/core';
import { District } from './district.entity';

/** Whether a district exists on a given day. */
export function isActiveOn(district: District, day: string): boolean {
  return district.validFrom <= day && (district.validTo === null || district.validTo >= day);
}

/** Reads districts: the register with its history of merges. */
export class DistrictService {
  constructor(private readonly db: Db) {}

  /** Districts existing on `day`, or all of them, in name order. */
  async list(options: { includeInactive: boolean; day: string }): Promise<District[]> {
    const query = this.db.getRepository(District).createQueryBuilder('d').orderBy('d.name', 'ASC');
    if (!options.includeInactive) {
      query.where('d.valid_from <= :day AND (d.valid_to IS NULL OR d.valid_to >= :day)', { day: options.day });
    }
    return query.getMany();
  }

  async byCode(code: string): Promise<District | null> {
    return this.db.getRepository(District).findOneBy({ code });
  }

  /** One statement for any number of ids, in the order asked. */
  async byIds(ids: readonly string[]): Promise<District[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return this.db.getRepository(District).createQueryBuilder('d').where('d.id = ANY(:ids)', { ids: valid }).getMany();
  }

  async byCodes(codes: readonly string[]): Promise<District[]> {
    return this.db.getRepository(District).createQueryBuilder('d').where('d.code = ANY(:codes)', { codes }).getMany();
  }

  /** The predecessors of each of `ids`: the districts that were merged into it. */
  async predecessors(ids: readonly string[]): Promise<District[]> {
    return this.db
      .getRepository(District)
      .createQueryBuilder('d')
      .where('d.merged_into_id = ANY(:ids)', { ids })
      .orderBy('d.name', 'ASC')
      .getMany();
  }
}
