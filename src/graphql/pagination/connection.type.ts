import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { Edge, Page } from '../../database/keyset-pagination.js';

@ObjectType({ description: 'Position dans une liste paginée' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Curseur à passer en `after` pour la page suivante' })
  endCursor!: string | null;
}

/** Builds the `XConnection` and `XEdge` object types for a node type (docs/domain.md, Conventions of the API). */
export function Connection<T>(nodeType: Type<T>, name = nodeType.name): Type<Page<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => nodeType)
    node!: T;

    @Field()
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Nombre total d’éléments correspondant au filtre' })
    totalCount!: number | Promise<number>;
  }
  return ConnectionType as unknown as Type<Page<T>>;
}
