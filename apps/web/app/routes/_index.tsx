import { redirect, type LoaderFunctionArgs } from '@remix-run/node';

export async function loader({ context }: LoaderFunctionArgs) {
  const result = await context.lip.execute<{ viewer: { id: string } | null }>(
    'query Start { viewer { id } }',
  );
  throw redirect(result.data?.viewer ? '/partnerships' : '/sign-in');
}
