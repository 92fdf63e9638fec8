// Asks Kratos for the first page's flow and session while the module loads;
// the app takes each answer once (see preload.rs beside this file).
(() => {
  // FlowKind::create_parameters (checked by preload.rs).
  const createParameters = {
    login: ['refresh', 'aal', 'return_to', 'login_challenge', 'organization', 'via', 'identity_schema'],
    registration: ['return_to', 'login_challenge', 'after_verification_return_to', 'organization', 'identity_schema'],
    recovery: ['return_to', 'skip_settings'],
    verification: ['return_to'],
    settings: ['return_to'],
  };
  // Pages that ask Kratos for nothing first.
  const quiet = ['error', 'consent', 'logout'];

  const meta = document.querySelector('meta[name="kratos-url"]');
  const base = (meta?.getAttribute('content') ?? '').trim().replace(/\/+$/, '');
  if (base !== '' && !/^(https?:\/\/|\/)/i.test(base)) return;
  const page = window.location.href;
  const last = window.location.pathname.replace(/\/+$/, '').split('/').pop();
  const query = new URLSearchParams(window.location.search);

  // URLs compared as the app and this script write them.
  const normal = (url) => {
    const parsed = new URL(url, page);
    parsed.search = new URLSearchParams(parsed.search).toString();
    return parsed.href;
  };
  const requests = new Map();
  const ask = (path) => {
    const url = normal(`${base}${path}`);
    const answer = fetch(url, {
      credentials: 'include',
      headers: { Accept: 'application/json' },
      redirect: 'follow',
      signal: AbortSignal.timeout(30000),
    });
    answer.catch(() => {});
    requests.set(url, answer);
  };

  const kind = Object.hasOwn(createParameters, last) ? last : null;
  if (kind !== null) {
    const id = query.get('flow');
    if (id) {
      ask(`/self-service/${kind}/flows?${new URLSearchParams({ id })}`);
    } else {
      const kept = new URLSearchParams();
      for (const [key, value] of query) {
        if (createParameters[kind].includes(key) && value !== '') kept.append(key, value);
      }
      const search = kept.toString();
      ask(`/self-service/${kind}/browser${search ? `?${search}` : ''}`);
    }
  }
  if (kind === null && !quiet.includes(last)) ask('/sessions/whoami');
  if (kind === 'settings') ask('/sessions/whoami');

  Object.defineProperty(window, '__kratosPreload', {
    value: Object.freeze({
      take(url) {
        if (window.location.href !== page) {
          requests.clear();
          return undefined;
        }
        const key = normal(url);
        const answer = requests.get(key);
        requests.delete(key);
        return answer;
      },
    }),
  });
})();
