import type { MetaFunction } from '@remix-run/node';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction = () => pageTitle('Page not found');

export async function loader() {
  throw new Response('Not found', { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
