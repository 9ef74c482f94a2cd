import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { graphql } from '../graphql.ts';

const START = graphql(`
  query Start {
    viewer {
      id
    }
  }
`);

export async function loader({ context }: LoaderFunctionArgs) {
  const result = await context.lip.execute(START);
  throw redirect(result.data?.viewer ? '/partnerships' : '/sign-in');
}
