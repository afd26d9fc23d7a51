// The public HTTP API, and nothing else: every number the dashboard shows comes through these functions.

/** The API's origin: ?api=… wins, then <meta name="wellbeing-api-base">, else this page's own origin. */
export function apiBase() {
  const fromQuery = new URLSearchParams(location.search).get('api');
  const fromMeta = document.querySelector('meta[name="wellbeing-api-base"]')?.getAttribute('content');
  return (fromQuery || fromMeta || '').replace(/\/+$/, '');
}

/** An HTTP error; `problem` is the RFC 9457 body when the API sent one. */
export class ApiError extends Error {
  constructor(status, problem, path) {
    super(problem?.detail || problem?.title || `HTTP ${status} from ${path}`);
    this.status = status;
    this.problem = problem;
  }
}

async function send(path, init) {
  const response = await fetch(apiBase() + path, init);
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, body, path);
  }
  return body;
}

export const getJson = (path, signal) => send(path, { headers: { Accept: 'application/json' }, signal });

export const postJson = (path, payload, signal) => send(path, {
  method: 'POST',
  headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  body: JSON.stringify(payload),
  signal,
});

/** A finite number or null: the API sends null for a missing score (and must never send NaN; be safe if it does). */
export const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export const enc = encodeURIComponent;
