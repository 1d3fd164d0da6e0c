'use server';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/nextauth';

export type SignInState = { error?: string; email?: string };

function describe(code: string): string {
  if (code.startsWith('locked')) {
    const minutes = Number(code.split(':')[1]) || 15;
    return `Too many failed attempts. Sign-in for this user is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.`;
  }
  if (code === 'deactivated') return 'This user has been deactivated. Ask your partner admin to reactivate it.';
  return 'The email or password is incorrect.';
}

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
