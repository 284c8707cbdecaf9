import { Directive, Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PeriodScalar } from '@samsyn/equality';

export enum Law {
  LSS = 'LSS',
  SOL = 'SOL',
}
registerEnumType(Law, {
  name: 'Law',
  description: 'The law an intervention is granted under.',
  valuesConfig: {
    LSS: { description: 'Lag (1993:387) om stöd och service till vissa funktionshindrade' },
    SOL: { description: 'Socialtjänstlagen (2025:400)' },
  },
});

@ObjectType({ description: 'An intervention (insats) districts decide on, with the guideline that sets its level.' })
@Directive('@cacheControl(maxAge: 300)')
export class Intervention {
  @Field({ description: 'Stable code, e.g. "LSS-3".' })
  code!: string;

  @Field(() => Law, { description: 'The law it is granted under.' })
  law!: Law;

  @Field(() => Int, { description: 'Its place in the law: 1–10 for LSS 9 §.' })
  position!: number;

  @Field({ description: 'The provision, e.g. "LSS 9 § 3".' })
  provision!: string;

  @Field({ description: 'The Swedish name.' })
  name!: string;

  @Field({ description: 'What the intervention is, in Swedish.' })
  description!: string;

  /** Slug of the guideline that sets its level. */
  guidelineSlug!: string | null;
}

@ObjectType({ description: 'What the guideline in force normally grants of an intervention.' })
export class InterventionLevel {
  @Field({ description: 'e.g. "timmar per månad".' })
  unit!: string;

  @Field(() => Float, { description: 'The normal level; more is granted after an individual assessment.' })
  normal!: number;
}

@ObjectType({
  description:
    'Granted decisions of one intervention in a period, and how many were not carried out within three months (SoL 34 kap. 1 §, LSS 28 f §). ' +
    'The cells add up to DI-NOTEX3M, per district and city-wide, so they are protected together with it: a cell with fewer than 5 decisions ' +
    'carried out or not carried out is hidden, a district whose DI-NOTEX3M figure is hidden has its whole breakdown hidden, other cells are hidden ' +
    'so that hidden ones come at least two together with 5 or more between them, and a city-wide total is shown only when every district cell of it is; ' +
    'what a period has hidden stays hidden when its figures change.',
})
export class InterventionBreakdown {
  @Field(() => Intervention, { description: 'The intervention.' })
  intervention!: Intervention;

  @Field(() => PeriodScalar, { description: 'The quarter the decisions were counted in.' })
  period!: string;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed (see the type’s description).' })
  decisions!: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, not carried out within three months; null when suppressed.' })
  notCarriedOut!: number | null;

  @Field(() => Float, { nullable: true, description: 'notCarriedOut / decisions.' })
  value!: number | null;

  @Field({ description: 'Whether the counts are hidden so that no one can be identified.' })
  suppressed!: boolean;
}

@InputType({
  description: "A district's decisions of one intervention in a quarter: how many, and how many not carried out within three months.",
})
export class DecisionsInput {
  @Field({ description: "The district's code: the caller's own." })
  district!: string;

  @Field(() => PeriodScalar, { description: 'A quarter, e.g. 2026-Q3 (reporting to IVO is quarterly).' })
  period!: string;

  @Field({ description: 'Intervention code, e.g. "LSS-3".' })
  intervention!: string;

  @Field(() => Int, { description: 'Granted decisions in the quarter (0 or more).' })
  decisions!: number;

  @Field(() => Int, { description: 'Of those, not carried out within three months (at most decisions).' })
  notCarriedOut!: number;
}
