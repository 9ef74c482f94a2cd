import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { graphql } from '../graphql.ts';
import { clearSessionCookie } from '../lib/session.server.ts';

const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);

export async function action({ request, context }: ActionFunctionArgs) {
  await context.lip.execute(SIGN_OUT);
  throw redirect('/sign-in', { headers: { 'Set-Cookie': clearSessionCookie(request) } });
}

export async function loader() {
  throw redirect('/partnerships');
}
