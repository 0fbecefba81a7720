/** A tiny JSON client for the gateway, as an API consumer would write one. */
export interface ApiAnswer {
  status: number;
  type: string;
  headers: Headers;
   
  body: any;
}

export function apiClient(baseUrl: () => string) {
  return async (method: string, route: string, options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiAnswer> => {
    const res = await fetch(`${baseUrl()}${route}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.headers ?? {}),
      },
      ...(options.body === undefined ? {} : { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (the docs page)
    }
    return { status: res.status, type: res.headers.get("content-type") ?? "", headers: res.headers, body };
  };
}
