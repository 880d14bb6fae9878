import { html, type SafeHtml } from '../html.js';
import { layout } from './layout.js';
import type { PageContext } from './page-context.js';

export function signInPage(ctx: PageContext, options: { formToken: string; next: string; error?: string; name?: string }): SafeHtml {
  return layout(
    ctx,
    ctx.t('web.signIn.title'),
    html`${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
<form method="post" action="/sign-in" class="sign-in">
  <input type="hidden" name="_csrf" value="${options.formToken}">
  <input type="hidden" name="next" value="${options.next}">
  <label>${ctx.t('web.signIn.name')} <input name="name" autocomplete="username" required maxlength="40" value="${options.name ?? ''}"></label>
  <label>${ctx.t('web.signIn.password')} <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">${ctx.t('web.signIn.submit')}</button>
</form>
<p class="hint">${ctx.t('web.signIn.hint')}</p>`,
  );
}
