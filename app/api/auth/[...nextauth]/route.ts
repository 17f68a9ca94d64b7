// next-auth's endpoints: the credentials sign-in POST, its CSRF token, and the session cookie.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';

function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
