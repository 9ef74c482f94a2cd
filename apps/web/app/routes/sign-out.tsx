import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { clearSessionCookie } from '../lib/session.server.ts';

export async function action({ request, context }: ActionFunctionArgs) {
  await context.lip.execute('mutation SignOut { signOut }');
  throw redirect('/sign-in', { headers: { 'Set-Cookie': clearSessionCookie(request) } });
}

export async function loader() {
  throw redirect('/partnerships');
}
