/**
 * A browser for the single sign-on tests: a cookie jar (one host, every path),
 * requests that follow redirects by hand so each hop can be seen, and a
 * follow-until-it-leaves helper.
 */
export function testBrowser(home: string) {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name); else jar.set(name, value);
    }
    return res;
  };
  /** Follows redirects until one leaves `within` (default: home) or a page answers: the last URL and answer. */
  const follow = async (start: string, within: readonly string[] = [home]) => {
    let url = start;
    for (let hops = 0; hops < 12; hops++) {
      if (!within.some((w) => url.startsWith(w))) return { url, res: null };
      const res = await send(url);
      const to = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !to) return { url, res };
      url = new URL(to, url).href;
    }
    throw new Error('too many redirects');
  };
  /** Signs in to Tongban with a password, as the sign-in page does. */
  const signIn = async (username: string, password = 'Tongban@2026') => {
    const res = await send(`${home}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status}`);
  };
  return { jar, send, follow, signIn };
}
