import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { AreaDistrict, type DistrictKey } from '@samsyn/area';
import { CHANGES_WITH_WRITES } from '@samsyn/core';

export enum AdoptionStatus {
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IMPLEMENTED = 'IMPLEMENTED',
}
registerEnumType(AdoptionStatus, {
  name: 'AdoptionStatus',
  description: 'How far a district has come with a published version.',
  valuesConfig: {
    ACKNOWLEDGED: { description: 'The district has taken note of the version and plans its introduction.' },
    IMPLEMENTED: { description: 'The district works by the version.' },
  },
});

/**
 * Where a district stands on one document: the newest version it has acknowledged or implemented,
 * and whether it lags behind the version in force.
 */
@ObjectType({
  description:
    "A district's adoption of a document: the newest version it has acknowledged, and whether it lags behind the version in force.",
  simpleResolvers: true,
})
@Directive('@shareable')
@Directive(CHANGES_WITH_WRITES)
export class Adoption {
  @Field(() => AreaDistrict(), { description: 'The district.' })
  district!: DistrictKey;

  documentId!: string;
  /** The version it has acknowledged most recently (highest number), if any. */
  adoptedVersionId!: string | null;
  /** The version in force, if any. */
  currentVersionId!: string | null;
  @Field(() => AdoptionStatus, {
    nullable: true,
    description:
      'Its status for the version in force: ACKNOWLEDGED or IMPLEMENTED (of it, or carried by an editorial change from the version it clarifies); null while it lags.',
  })
  currentStatus!: AdoptionStatus | null;

  /** The published version not yet in force, if any. */
  upcomingVersionId!: string | null;

  @Field(() => AdoptionStatus, {
    nullable: true,
    description:
      'Its status for the published version not yet in force (upcomingVersion); null when it has not acknowledged it, or there is none.',
  })
  upcomingStatus!: AdoptionStatus | null;

  @Field(() => AdoptionStatus, { nullable: true, description: 'Its status for `version`; null when it has acknowledged no version.' })
  status!: AdoptionStatus | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the district acknowledged `version`.' })
  acknowledgedAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it reported `version` implemented; null until it has.' })
  implementedAt!: Date | null;

  @Field({ description: 'Whether the district has not yet acknowledged the version in force.' })
  lagging!: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'While lagging: days since the requirements of the version in force came into force (its validFrom, or for an editorial change that of the substantive version it clarifies).',
  })
  daysLagging!: number | null;
}

@ObjectType({ description: "A district's adoption of an area's documents in force." })
@Directive('@shareable')
@Directive(CHANGES_WITH_WRITES)
export class AdoptionSummary {
  @Field(() => Int, { description: 'Documents of the area in force today.' })
  documentsInForce!: number;

  @Field(() => Int, { description: 'Of those, how many the district has acknowledged or implemented in the version in force.' })
  acknowledged!: number;

  @Field(() => Int, { description: 'Of those, how many it has implemented.' })
  implemented!: number;

  @Field(() => [Adoption], { description: 'The documents where the district lags, longest first.' })
  lagging!: Adoption[];
}
