'use client';
// Forms of the user-administration page. They submit through onSubmit + startTransition instead
// of the form's action prop: React resets a form after an action, and a reset <select> drifts
// from its controlled value (a user created as "viewer" while "analyst" was shown). So what was
// typed stays after a failed save; errors sit beside their field.
import { startTransition, useActionState, useRef, useState, type FormEvent } from 'react';
import { changeUserRole, createUser, resetUserPassword, setUserActive } from '@/lib/actions/users';
import type { ActionResult } from '@/lib/actions/result';
import type { Role } from '@/lib/auth/roles';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill, type Lang } from '@/lib/i18n/dictionaries';

type State = ActionResult<unknown> | null;

const ROLES: Role[] = ['viewer', 'analyst', 'admin'];
const roleOptions = (lang: Lang) => ROLES.map((value) => ({ value, label: adminDictionary(lang).users.roleOptions[value] }));

function FieldError({ id, state, field }: { id: string; state: State; field: string }) {
  const msg = state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined;
  return msg ? (
    <p id={id} role="alert" className="field-error">
      {msg}
    </p>
  ) : null;
}

function Outcome({ state }: { state: State }) {
  if (!state) return null;
  if (state.ok) return state.message ? <p role="status" className="form-ok">{state.message}</p> : null;
  return (
    <p role="alert" className="form-alert">
      {state.message}
    </p>
  );
}

/** onSubmit handler that sends the form's data to a useActionState dispatcher without a reset. */
function submitTo(dispatch: (fd: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  };
}

function invalid(state: State, field: string): true | undefined {
  return state && !state.ok && state.fieldErrors?.[field] ? true : undefined;
}

export function CreateUserForm({ lang = 'zh' }: { lang?: Lang }) {
  const t = adminDictionary(lang).users;
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const passwordRef = useRef<HTMLInputElement>(null);
  const [state, action, pending] = useActionState<State, FormData>(async (prev, fd) => {
    const result = await createUser(prev, fd);
    if (result.ok) {
      setUsername('');
      setDisplayName('');
      setRole('viewer');
      if (passwordRef.current) passwordRef.current.value = '';
    }
    return result;
  }, null);
  return (
    <form
      onSubmit={submitTo(action)}
      className="form-grid"
      style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', alignItems: 'start' }}
      noValidate
    >
      <div className="form-field">
        <label htmlFor="new-username">{t.username}</label>
        <input id="new-username" name="username" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} aria-invalid={invalid(state, 'username')} aria-describedby="new-username-error" />
        <FieldError id="new-username-error" state={state} field="username" />
      </div>
      <div className="form-field">
        <label htmlFor="new-display-name">{t.displayName}</label>
        <input id="new-display-name" name="displayName" autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} aria-invalid={invalid(state, 'displayName')} aria-describedby="new-display-name-error" />
        <FieldError id="new-display-name-error" state={state} field="displayName" />
      </div>
      <div className="form-field">
        <label htmlFor="new-role">{t.role}</label>
        <select id="new-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roleOptions(lang).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <FieldError id="new-role-error" state={state} field="role" />
      </div>
      <div className="form-field">
        <label htmlFor="new-password">{t.password}</label>
        <input ref={passwordRef} id="new-password" name="password" type="password" autoComplete="new-password" aria-invalid={invalid(state, 'password')} aria-describedby="new-password-error" />
        <FieldError id="new-password-error" state={state} field="password" />
      </div>
      <div className="form-field" style={{ alignSelf: 'end' }}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t.creating : t.createButton}
        </button>
      </div>
      <div style={{ gridColumn: '1 / -1' }}>
        <Outcome state={state} />
      </div>
    </form>
  );
}

export interface UserRowProps {
  id: number;
  username: string;
  role: Role;
  active: boolean;
  version: number;
}

export function UserRowActions({ user, lang = 'zh' }: { user: UserRowProps; lang?: Lang }) {
  const t = adminDictionary(lang).users;
  const [roleState, roleAction, rolePending] = useActionState<State, FormData>(changeUserRole, null);
  const [pwState, pwAction, pwPending] = useActionState<State, FormData>(resetUserPassword, null);
  const [activeState, activeAction, activePending] = useActionState<State, FormData>(setUserActive, null);
  const [role, setRole] = useState<Role>(user.role);
  const p = `user-${user.id}`;
  return (
    <div className="stack" style={{ gap: 6 }}>
      <form onSubmit={submitTo(roleAction)} className="inline-form">
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <label htmlFor={`${p}-role`} className="sr-only">
          {fill(t.roleOf, { name: user.username })}
        </label>
        <select id={`${p}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roleOptions(lang).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary" disabled={rolePending || role === user.role}>
          {t.changeRole}
        </button>
      </form>
      <Outcome state={roleState} />
      <form onSubmit={submitTo(pwAction)} className="inline-form">
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <label htmlFor={`${p}-password`} className="sr-only">
          {fill(t.passwordOf, { name: user.username })}
        </label>
        <input id={`${p}-password`} name="password" type="password" autoComplete="new-password" placeholder={t.newPassword} aria-invalid={invalid(pwState, 'password')} />
        <button type="submit" className="button secondary" disabled={pwPending}>
          {t.resetPassword}
        </button>
      </form>
      <Outcome state={pwState} />
      <form onSubmit={submitTo(activeAction)} className="inline-form">
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
        <button type="submit" className="button secondary" disabled={activePending}>
          {user.active ? t.deactivate : t.reactivate}
        </button>
      </form>
      <Outcome state={activeState} />
    </div>
  );
}
