'use client';
// The sign-in form: errors beside the fields, the typed username kept after a failed attempt
// (React resets uncontrolled fields after a form action, so the username is controlled).
import { useActionState, useEffect, useState } from 'react';
import { getQueryClient } from '@/lib/queries/get-query-client';
import { signIn } from '@/lib/actions/auth';
import type { ActionResult } from '@/lib/actions/result';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(signIn, null);
  // The header's user menu keeps the account's name for the tab (components/layout/user-menu.tsx):
  // forget it here, where every sign-out ends and every sign-in starts.
  useEffect(() => {
    getQueryClient().removeQueries({ queryKey: ['me'] });
  }, []);
  // Without JavaScript the page is re-rendered from the action's answer, which carries the name.
  const [username, setUsername] = useState(state && !state.ok ? (state.values?.username ?? '') : '');
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const userError = errors.username?.[0];
  const passwordError = errors.password?.[0];
  const formError = state && !state.ok && !userError && !passwordError ? state.message : undefined;
  return (
    <form action={action} className="form-grid" noValidate>
      <input type="hidden" name="next" value={next} />
      {formError ? (
        <p role="alert" className="form-alert">
          {formError}
        </p>
      ) : null}
      <div className="form-field">
        <label htmlFor="username">用户名</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-invalid={userError ? true : undefined}
          aria-describedby={userError ? 'username-error' : undefined}
        />
        {userError ? (
          <p id="username-error" role="alert" className="field-error">
            {userError}
          </p>
        ) : null}
      </div>
      <div className="form-field">
        <label htmlFor="password">密码</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'password-error' : undefined}
        />
        {passwordError ? (
          <p id="password-error" role="alert" className="field-error">
            {passwordError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
