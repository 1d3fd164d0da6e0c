import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { verifyCredentials } from '@/lib/auth/verify-credentials';

/** Carries why a sign-in failed to the sign-in form ("invalid", "locked:15", "deactivated"). */
export class SignInFailed extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const credentials = z.object({ email: z.string().trim().min(1), password: z.string().min(1) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: env.AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/signin' },
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: error }, 'auth error');
    },
    warn(code) {
      logger.warn({ code }, 'auth warning');
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(input) {
        const parsed = credentials.safeParse(input);
        if (!parsed.success) throw new SignInFailed('invalid');
        const result = await verifyCredentials(db, parsed.data.email, parsed.data.password, {
          maxFailures: env.LOGIN_MAX_FAILURES,
          lockMinutes: env.LOGIN_LOCK_MINUTES,
        });
        if (!result.ok) throw new SignInFailed(result.reason === 'locked' ? `locked:${result.retryAfterMinutes}` : result.reason);
        return { id: result.userId, sessionVersion: result.sessionVersion } as { id: string };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv } as typeof session;
    },
  },
});
