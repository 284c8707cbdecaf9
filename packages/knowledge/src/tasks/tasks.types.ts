import { Directive, ObjectType } from 'type-graphql';
import type { Area } from '@samsyn/area';

@ObjectType({
  description:
    "Att göra: what waits for the signed-in process leader in one area. Each list is read when asked for; a leader of several areas asks each area's namespace (one fragment on AreaNamespace).",
})
@Directive('@shareable')
export class LeaderTasks {
  area!: Area;
  /** The caller's token subject: "mine" means written or changed by it. */
  sub!: string;
  today!: string;
}
