// Signing in again in place. When the session ends while someone works (it expired, or was revoked on the
// server), a refused request (401) does not send them to /login, which would throw away an open form: the
// data provider asks for a new sign-in in a dialog and, once signed in, sends the refused request again.
// One dialog serves every request refused meanwhile; without a mounted dialog (the login page) nothing waits.

type Listener = () => void;

let pending: { promise: Promise<boolean>; resolve: (signedIn: boolean) => void } | undefined;
let dialogMounted = 0;
const listeners = new Set<Listener>();
const notify = () => listeners.forEach((listener) => listener());

/** Resolves true once the user has signed in again, false if they chose to sign out (or nobody can ask). */
export function reauthenticate(): Promise<boolean> {
  if (!dialogMounted) return Promise.resolve(false);
  if (!pending) {
    let resolve!: (signedIn: boolean) => void;
    const promise = new Promise<boolean>((done) => (resolve = done));
    pending = { promise, resolve };
    notify();
  }
  return pending.promise;
}

/** Called by the dialog: the user signed in again (true) or gave up (false). */
export function finishReauthentication(signedIn: boolean) {
  const current = pending;
  pending = undefined;
  notify();
  current?.resolve(signedIn);
}

/** Whether the dialog is asking right now (the auth check then keeps the page instead of leaving it). */
export const reauthenticating = () => pending !== undefined;

export function subscribeReauthentication(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The dialog registers while mounted, so that requests know someone can be asked. */
export function registerReauthDialog(): () => void {
  dialogMounted++;
  return () => {
    dialogMounted--;
    if (!dialogMounted) finishReauthentication(false);
  };
}
