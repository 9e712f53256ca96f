// The one way the explorer talks to the service: POST /graphql with a typed
// operation. An editor's API key lives in sessionStorage only (gone when the
// tab closes) and is sent as a bearer token.
import { useEffect, useState } from 'react';
import type { TypedDocumentString } from './gql/graphql';

const keyName = 'newsgraph.apiKey';

export function apiKey(): string {
  return sessionStorage.getItem(keyName) ?? '';
}

export function setApiKey(key: string): void {
  if (key) sessionStorage.setItem(keyName, key);
  else sessionStorage.removeItem(keyName);
}

/** An error the service returned: its message, code and the input field it names. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string };
}

export async function request<R, V>(doc: TypedDocumentString<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let res: Response;
  try {
    res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: doc.toString(), variables }), signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(`The service cannot be reached: ${(e as Error).message}`, 'UNAVAILABLE');
  }
  let body: { data?: R; errors?: GraphQLErrorBody[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The service answered ${res.status} ${res.statusText}`);
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new ApiError(e.message, e.extensions?.code, e.extensions?.field);
  }
  if (!body.data) throw new ApiError(`The service answered ${res.status} without data`);
  return body.data;
}

export interface QueryState<R> {
  data?: R;
  error?: ApiError;
  loading: boolean;
}

/** Runs a query whenever its variables change; skip leaves it idle. */
export function useQuery<R, V>(doc: TypedDocumentString<R, V>, variables: V, skip = false): QueryState<R> {
  const [state, setState] = useState<QueryState<R>>({ loading: !skip });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) {
      setState({ loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    request(doc, JSON.parse(key) as V, ctl.signal).then(
      (data) => setState({ data, loading: false }),
      (error) => {
        if ((error as Error).name !== 'AbortError') setState({ error: error as ApiError, loading: false });
      },
    );
    return () => ctl.abort();
  }, [doc, key, skip]);
  return state;
}
