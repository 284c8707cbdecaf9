import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Area } from '@samsyn/area';

@ObjectType({
  description: "A process leader (processledare): coordinates an area's common routines, guidelines and methods across districts.",
})
@Directive('@key(fields: "id")')
// Public register data: a CDN or the gateway may reuse answers for five minutes.
@Directive('@cacheControl(maxAge: 300)')
@Entity('process_leader')
export class ProcessLeader {
  @Field(() => ID, { description: 'Stable id.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Full name.' })
  @Column('text')
  name!: string;

  @Field({ description: 'Job title, in Swedish.' })
  @Column('text')
  title!: string;

  @Field({ description: 'Work e-mail.' })
  @Column('text', { unique: true })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  @Column('text', { nullable: true })
  phone!: string | null;

  @Field(() => [Area], { description: 'The areas whose platform work they lead.' })
  @Column('text', { array: true })
  areas!: Area[];
}
