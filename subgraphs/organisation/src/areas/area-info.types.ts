import { Directive, Field, ObjectType } from 'type-graphql';
import { Area } from '@samsyn/area';

@ObjectType({ description: 'A target-group area and who leads its platform work.' })
@Directive('@cacheControl(maxAge: 300)')
export class AreaInfo {
  @Field(() => Area, { description: 'The area.' })
  area!: Area;

  @Field({ description: 'The Swedish name.' })
  name!: string;

  @Field({ description: 'What the area covers, in Swedish.' })
  description!: string;
}
