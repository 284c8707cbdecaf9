import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AreaDistrict, type DistrictKey } from '@samsyn/area';

export enum InstrumentKind {
  SCREENING = 'SCREENING',
  ASSESSMENT = 'ASSESSMENT',
  INTERVENTION = 'INTERVENTION',
  CONVERSATION = 'CONVERSATION',
}
registerEnumType(InstrumentKind, {
  name: 'InstrumentKind',
  description: 'What an instrument is for.',
  valuesConfig: {
    SCREENING: { description: 'A short screening for a problem (e.g. AUDIT, DUDIT).' },
    ASSESSMENT: { description: 'A structured assessment of needs (e.g. ASI).' },
    INTERVENTION: { description: 'A treatment or support method.' },
    CONVERSATION: { description: 'A structured conversation, e.g. about violence (FREDA).' },
  },
});

@ObjectType({ description: 'An assessment instrument or method used in adult services.' })
@Directive('@cacheControl(maxAge: 300)')
export class Instrument {
  @Field({ description: 'Stable code, e.g. "ASI".' })
  code!: string;

  @Field({ description: 'The full name.' })
  name!: string;

  @Field(() => InstrumentKind, { description: 'What it is for.' })
  kind!: InstrumentKind;

  @Field({ description: 'What it is used for, in Swedish.' })
  purpose!: string;

  @Field({ description: 'Målgrupp: the people it is used with.' })
  targetGroup!: string;

  /** Slug of the METHOD document that describes it. */
  methodDocument!: string | null;
}

@ObjectType({ description: "A district's use of an instrument." })
export class InstrumentUse {
  @Field(() => AreaDistrict(), { description: 'The district.' })
  district!: DistrictKey;

  @Field({ description: 'Whether the district works with it, or only has staff trained in it.' })
  implemented!: boolean;

  @Field(() => Int, { description: 'Staff trained in it.' })
  trainedStaff!: number;
}

@ObjectType({ description: 'Which districts use an instrument, and which lack it, among the districts that report their instruments.' })
export class InstrumentCoverage {
  @Field(() => [InstrumentUse], { description: 'The districts that report using it.' })
  using!: InstrumentUse[];

  @Field(() => [AreaDistrict()], { description: 'Districts that report not using it, or report other instruments but not this one.' })
  lacking!: DistrictKey[];

  @Field(() => Int, { description: 'Staff trained in it, over all districts.' })
  trainedStaff!: number;
}

@InputType({ description: "A district's use of one instrument." })
export class InstrumentUseInput {
  @Field({ description: "The district's code: the caller's own." })
  district!: string;

  @Field({ description: 'Instrument code, e.g. "ASI".' })
  instrument!: string;

  @Field({ description: 'Whether the district works with it.' })
  implemented!: boolean;

  @Field(() => Int, { description: 'Staff trained in it (0 or more).' })
  trainedStaff!: number;
}
