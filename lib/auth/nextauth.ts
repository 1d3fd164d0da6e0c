import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { clientAddress } from '@/lib/auth/client-address';
import { createUserSession, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/create-user-session';
import { endUserSession } from '@/lib/auth/end-user-session';

/**
 * Carries a refusal to the sign-in form: "invalid", or "wait:<seconds>" for a throttled attempt.
 * Never why the credentials were refused (app/signin/actions.ts shows one message for all).
 */
export class SignInFailed extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// An address PostgreSQL cannot store (NUL, a lone surrogate) is no account's: refused as a wrong one, not sent to the lookup.
const storable = (s: string) => !s.includes('\u0000') && s.isWellFormed();
const credentials = z.object({ email: z.string().trim().min(1).max(320).refine(storable), password: z.string().min(1).max(1024) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: env.AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
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
      async authorize(input, request) {
        const parsed = credentials.safeParse(input);
        if (!parsed.success) throw new SignInFailed('invalid');
        const address = clientAddress(request.headers, env.TRUST_PROXY);
        const result = await verifyCredentials(db, { ...parsed.data, clientAddress: address });
        if (!result.ok) throw new SignInFailed(result.retryAfterSeconds ? `wait:${result.retryAfterSeconds}` : 'invalid');
        const session = await createUserSession(db, { userId: result.userId, userAgent: request.headers.get('user-agent'), ipAddress: address });
        return { id: result.userId, sessionVersion: result.sessionVersion, sessionId: session.id } as { id: string };
      },
    }),
  ],
  events: {
    // Both the console's sign-out action and POST /api/auth/signout land here with the decoded cookie.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await endUserSession(db, sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv, sessionId: token.sid } as typeof session;
    },
  },
});
