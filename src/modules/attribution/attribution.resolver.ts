import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Cited } from '../../common/citation/cited.interface';
import type { CitedSubject } from '../../common/citation/by-subject';
import { DatePrecision, FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import { MissingRecordError } from '../../common/errors';
import type { RequestContext } from '../../context';
import { FieldStatement } from '../../common/citation/field-statement.entity';
import { FieldDisagreement } from '../field-statement/field-statement.types';
import { Party } from '../party/party.union';
import { Citation } from '../../common/citation/citation.entity';
import { Source } from '../../common/citation/source.entity';
import { Attribution } from '../../common/citation/attribution.enums';
import { FieldProvenance } from '../../common/citation/field-provenance.entity';
import { PROVENANCE_NODE_TYPE } from './attribution.writes';

/** Who says so, how hedged, and each field's statements: for every Cited type at once. */
@Resolver(() => Cited)
export class SaysWhoResolver {
  @FieldResolver(() => Attribution)
  async attribution(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext) {
    return (await services.attribution.attributionOf(loaders, subject))?.attribution ?? Attribution.REPORTED;
  }

  @FieldResolver(() => Party, { nullable: true })
  async claimedBy(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext) {
    const row = await services.attribution.attributionOf(loaders, subject);
    return row?.claimedById == null ? null : services.parties.required(loaders, row.claimedById);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Who claims or alleges it, in words, when it is not a stored party ("an analysis of filings with the US Patent and Trademark Office"); `claimedBy` is then null.',
  })
  async claimant(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext) {
    return (await services.attribution.attributionOf(loaders, subject))?.claimant ?? null;
  }

  @FieldResolver(() => [String])
  async hedges(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext) {
    return (await services.attribution.attributionOf(loaders, subject))?.hedges ?? [];
  }

  @FieldResolver(() => [FieldProvenance])
  provenance(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext) {
    return services.attribution.provenanceOf(loaders, subject);
  }

  @FieldResolver(() => [FieldStatement], {
    description:
      "Every statement of one field, oldest first (by its source's publication date, then when it was recorded): what was said, by whom and since when, deprecated ones included.",
  })
  history(@Root() subject: CitedSubject, @Arg('field') field: string, @Ctx() { services, loaders }: RequestContext) {
    return services.attribution.historyOf(loaders, subject, field);
  }

  @FieldResolver(() => [FieldDisagreement], { description: 'Fields whose current, non-deprecated statements give different values, side by side.' })
  async disagreements(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext): Promise<FieldDisagreement[]> {
    return (await services.attribution.disagreementsOf(loaders, subject)).map(({ field, statements }) => ({
      field,
      statements,
      values: [...new Set(statements.map((s) => s.value))],
    }));
  }
}

const PRECISION = { 4: DatePrecision.YEAR, 7: DatePrecision.MONTH, 10: DatePrecision.DAY } as Record<number, DatePrecision>;

/** The fields of a statement that are not its own columns; the same for `provenance` and `history`. */
function statementResolver(type: typeof FieldStatement) {
  @Resolver(() => type)
  class StatementFieldsResolver {
    @FieldResolver(() => [Citation], { description: 'For STATED: the quotes of its source that state the value.' })
    citations(@Root() statement: FieldStatement, @Ctx() { services, loaders }: RequestContext) {
      return services.sources.citationsOf(loaders, { nodeType: PROVENANCE_NODE_TYPE, id: statement.id });
    }

    @FieldResolver(() => Source, { nullable: true, description: 'The source it comes from.' })
    async source(@Root() statement: FieldStatement, @Ctx() { loaders }: RequestContext) {
      if (statement.sourceId == null) return null;
      const source = await loaders.byId(Source).load(statement.sourceId);
      if (!source) throw new MissingRecordError('Source', statement.sourceId);
      return source;
    }

    @FieldResolver(() => GraphQLJSON, {
      description:
        'The value, typed: a string, number, list or object as the field holds it (`"SETTLED"`, `12000`, `["huawei"]`; dates in the FuzzyDate notation). `value` is the same as JSON text.',
    })
    valueJson(@Root() statement: FieldStatement): unknown {
      return JSON.parse(statement.value) as unknown;
    }

    @FieldResolver(() => FuzzyDate, {
      description: "Known since: its source's publication date (for an editor's own statement, from no source: the day it was made).",
    })
    knownSince(@Root() statement: FieldStatement) {
      return new FuzzyDate(statement.knownSince, PRECISION[statement.knownSince.length] ?? DatePrecision.DAY);
    }

    @FieldResolver(() => Attribution, { description: 'In whose voice the source gives it.' })
    attribution(@Root() statement: FieldStatement) {
      return (statement.attribution as Attribution | null) ?? Attribution.REPORTED;
    }

    @FieldResolver(() => String, { nullable: true, description: 'Who claims or alleges it, in words, when it is not a stored party.' })
    claimant(@Root() statement: FieldStatement) {
      return statement.claimant;
    }

    @FieldResolver(() => Party, { nullable: true, description: 'Who claims or alleges it (CLAIMED and ALLEGED).' })
    claimedBy(@Root() statement: FieldStatement, @Ctx() { services, loaders }: RequestContext) {
      return statement.claimedById == null ? null : services.parties.required(loaders, statement.claimedById);
    }
  }
  return StatementFieldsResolver;
}

export const FieldStatementResolver = statementResolver(FieldStatement);
export const FieldProvenanceResolver = statementResolver(FieldProvenance);
