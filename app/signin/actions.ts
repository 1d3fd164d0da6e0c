'use server';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/nextauth';

export type SignInState = { error?: string; email?: string };

// One answer for every refusal (unknown email, wrong password, deactivated user), so the form cannot
// be used to find out which emails exist; a throttled attempt only adds how long to wait.
const SIGN_IN_REFUSED = 'The email or password is incorrect.';

function describe(code: string): string {
  const wait = code.startsWith('wait:') ? Number(code.slice(5)) : 0;
  return wait > 0 ? `${SIGN_IN_REFUSED} Try again in ${wait} s.` : SIGN_IN_REFUSED;
}

// Outside the action wrapper (app/_lib/action.ts) on purpose: it runs before there is a session to
// check, and the throttle in lib/auth/verify-credentials.ts guards it instead.
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  if (!email.trim() || !password) return { error: 'Enter your email and password.', email };
  try {
    await signIn('credentials', { email, password, redirectTo: '/' });
  } catch (err) {
    if (err instanceof CredentialsSignin) return { error: describe(err.code), email };
    if (err instanceof AuthError) return { error: 'Sign-in failed. Please try again.', email };
    throw err; // the redirect after a successful sign-in is thrown too
  }
  return {};
}
