import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDate } from '@samsyn/core';

@ObjectType({ description: 'A district (stadsdel) with its own committee, deciding locally under shared city goals.' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
// Public register data: a CDN or the gateway may reuse answers for five minutes.
@Directive('@cacheControl(maxAge: 300)')
@Entity('district')
export class District {
  @Field(() => ID, { description: 'Stable id.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Stable short code, e.g. "angered".' })
  @Column('text', { unique: true })
  code!: string;

  @Field({ description: 'The Swedish name, e.g. "Angered".' })
  @Column('text')
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Number of residents (approximate).' })
  @Column('integer', { nullable: true })
  population!: number | null;

  @Field(() => GraphQLDate, { description: 'First day the district existed.' })
  @Column('date', { name: 'valid_from' })
  validFrom!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'Last day the district existed; null while it exists.' })
  @Column('date', { name: 'valid_to', nullable: true })
  validTo!: string | null;

  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;
}
