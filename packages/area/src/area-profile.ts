import { Directive, Field, ObjectType } from 'type-graphql';
import { INHERITS_CACHE_HINT } from '@samsyn/core';
import { Area } from './area';

/** A district's standing in one area: adoption of the shared documents and its indicator values. */
@ObjectType({ description: "A district's standing in one area." })
@Directive('@shareable')
@Directive(INHERITS_CACHE_HINT)
export class AreaProfile {
  @Field(() => Area, { description: 'The area.' })
  area!: Area;

  @Field({ description: 'The Swedish name of the area.' })
  name!: string;

  /** The district's code; the profile's own fields are resolved from it. */
  district!: string;
}
