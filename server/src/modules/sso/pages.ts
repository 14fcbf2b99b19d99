import type { KoaContextWithOIDC } from 'oidc-provider';

/**
 * The few pages the provider itself shows (sign-out confirmation, signed out,
 * an error), Chinese first and English second, without scripts: the site's
 * Content-Security-Policy allows none inline.
 */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f5f5f5;margin:0;color:#1f1f1f}
main{max-width:28rem;margin:12vh auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:1.25rem;margin-top:0}p{line-height:1.6}.en{color:#595959}
button,a.button{font:inherit;padding:.5rem 1.25rem;border-radius:6px;border:1px solid #0958d9;background:#0958d9;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
a.secondary{background:#fff;color:#0958d9;margin-left:.75rem}
</style></head><body><main>${body}</main></body></html>`;
}

/**
 * RP-initiated logout asks before it signs the person out of Tongban and of
 * every system. The form posts here and the provider then redirects to the
 * system's post-logout address: browsers hold redirects after a form to
 * `form-action`, so that address's origin is added for this page alone.
 */
export async function logoutPage(kctx: KoaContextWithOIDC, form: string): Promise<void> {
  const back = (kctx.oidc.session?.state as { postLogoutRedirectUri?: string } | undefined)?.postLogoutRedirectUri;
  const csp = kctx.response.get('Content-Security-Policy');
  if (back && csp) {
    const origin = new URL(back).origin;
    kctx.set('Content-Security-Policy', csp.replace(/form-action ([^;]*)/, (_m, v: string) => `form-action ${v} ${origin}`));
  }
  const client = kctx.oidc.client?.clientName;
  kctx.type = 'html';
  kctx.body = page('退出登录 · Sign out', `${form}
<h1>退出通办及所有已登录的系统？</h1>
<p>${client ? `「${escape(client)}」请求退出登录。` : ''}退出后，通过通办登录的各系统也将一并退出。</p>
<p class="en" lang="en">Sign out of Tongban and of every system you signed in to through it?</p>
<p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">退出 · Sign out</button>
<a class="button secondary" href="/">取消 · Cancel</a></p>`);
}

/** A short page: signed out, or an error the provider cannot send back to the system. */
export async function messagePage(kctx: KoaContextWithOIDC, kind: 'signedOut' | 'error', detail?: string): Promise<void> {
  kctx.type = 'html';
  kctx.body = kind === 'signedOut'
    ? page('已退出 · Signed out', `<h1>您已退出登录</h1><p class="en" lang="en">You have signed out.</p><p><a class="button" href="/login">重新登录 · Sign in</a></p>`)
    : page('登录出错 · Sign-in error', `<h1>无法完成登录</h1><p>请回到原系统重新登录。</p><p class="en" lang="en">Sign-in could not be completed; go back to the system and try again.</p>${detail ? `<p class="en"><code>${escape(detail)}</code></p>` : ''}`);
}

/** The sign-in hand-over found no sign-in waiting for this browser (expired, or opened elsewhere). */
export const interactionGonePage = (): string =>
  page('登录已过期 · Sign-in expired', '<h1>登录请求已过期</h1><p>请回到原系统重新登录。</p><p class="en" lang="en">This sign-in request has expired; go back to the system and sign in again.</p>');
