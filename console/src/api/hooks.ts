import { useInfiniteQuery, useMutation, usePrefetchQuery, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { TypedDocumentString } from '../../../operations/generated';
import { ApiError, execute } from './client';

/** The operation's name (`query CompanyPage(…)` → CompanyPage): the first part of its cache key. */
export function operationName(document: { toString(): string }): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(document.toString())?.[1] ?? 'anonymous';
}

export function queryKey<TVariables>(document: { toString(): string }, variables?: TVariables): QueryKey {
  return variables === undefined ? [operationName(document)] : [operationName(document), variables];
}

function gqlQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables) {
  return {
    queryKey: queryKey(document, variables),
    queryFn: () => (execute as (d: typeof document, v: TVariables) => Promise<TResult>)(document, variables),
  };
}

/** A typed query, cached by operation name and variables. */
export function useGqlQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  return useQuery<TResult, ApiError>({
    ...gqlQuery(document, variables),
    enabled: options.enabled,
    placeholderData: options.keepPrevious ? (previous) => previous : undefined,
  });
}

/** Starts a query the page about to render will ask for (while its code loads), unless it is already cached. */
export function usePrefetchGqlQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): void {
  usePrefetchQuery<TResult, ApiError>(gqlQuery(document, variables));
}

/**
 * A cursor-paged list: `first` items, then the next page from `pageInfo.endCursor` when asked ("Afficher plus").
 * `connection` picks the connection out of the result.
 */
export function useGqlPages<TResult, TVariables extends { first?: number | null; after?: string | null }, TNode>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  connection: (result: TResult) => { totalCount: number; edges: { node: TNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } },
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery<TResult, ApiError>({
    queryKey: queryKey(document, variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      (execute as (d: typeof document, v: TVariables) => Promise<TResult>)(document, { ...variables, after: pageParam as string | null }),
    getNextPageParam: (last) => {
      const page = connection(last).pageInfo;
      return page.hasNextPage ? page.endCursor : undefined;
    },
    enabled: options.enabled,
    placeholderData: (previous) => previous,
  });
  const pages = query.data?.pages ?? [];
  return {
    ...query,
    nodes: pages.flatMap((page) => connection(page).edges.map((edge) => edge.node)),
    totalCount: pages.length ? connection(pages[0]!).totalCount : 0,
  };
}

/** A typed mutation; `invalidates` lists the queries (by operation) to read again after it succeeds. */
export function useGqlMutation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  options: { invalidates?: { toString(): string }[]; onSuccess?: (result: TResult, variables: TVariables) => void } = {},
) {
  const client = useQueryClient();
  return useMutation<TResult, ApiError, TVariables>({
    mutationFn: (variables) => (execute as (d: typeof document, v: TVariables) => Promise<TResult>)(document, variables),
    onSuccess: async (result, variables) => {
      await Promise.all((options.invalidates ?? []).map((doc) => client.invalidateQueries({ queryKey: [operationName(doc)] })));
      options.onSuccess?.(result, variables);
    },
  });
}
