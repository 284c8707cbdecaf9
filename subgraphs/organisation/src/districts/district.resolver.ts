import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDate, isoDate, type SubgraphContext } from '@samsyn/core';
import { District } from './district.entity';
import { districtById, predecessorsOf } from './district.loaders';
import { DistrictService, isActiveOn } from './district.service';

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => [District], { description: 'Districts in name order; only those existing on `on` (default today) unless includeInactive.' })
  districts(
    @Ctx() ctx: SubgraphContext,
    @Arg('includeInactive', { defaultValue: false, description: 'Also districts that no longer exist (merged ones).' })
    includeInactive: boolean,
    @Arg('on', () => GraphQLDate, { nullable: true, description: 'The day the districts exist on; default today.' }) on?: Date | null,
  ): Promise<District[]> {
    return new DistrictService(ctx.db).list({ includeInactive, day: on ? isoDate(on) : ctx.today });
  }

  @Query(() => District, { nullable: true, description: 'A district by its code, whether or not it still exists.' })
  district(
    @Ctx() ctx: SubgraphContext,
    @Arg('code', { description: 'The district\'s code, e.g. "angered".' }) code: string,
  ): Promise<District | null> {
    return new DistrictService(ctx.db).byCode(code);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the district exists today.' })
  active(@Root() district: District, @Ctx() ctx: SubgraphContext): boolean {
    return isActiveOn(district, ctx.today);
  }

  @FieldResolver(() => District, { nullable: true, description: 'The district this one was merged into.' })
  mergedInto(@Root() district: District, @Ctx() ctx: SubgraphContext): Promise<District | null> | null {
    return district.mergedIntoId ? districtById(ctx).load(district.mergedIntoId) : null;
  }

  @FieldResolver(() => [District], { description: 'The districts that were merged into this one.' })
  mergedFrom(@Root() district: District, @Ctx() ctx: SubgraphContext): Promise<District[]> {
    return predecessorsOf(ctx).load(district.id);
  }
}
