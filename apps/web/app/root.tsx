import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from '@remix-run/react';
import { Footer, Header, PhaseBanner, SkipLink, type HeaderNavigationItem } from '@lip/ui';
import { useEffect, type ReactNode } from 'react';
import { RouteErrorBoundary } from './components/RouteErrorBoundary.tsx';
import { graphql } from './graphql.ts';
import { SERVICE_NAME, errorTitle, pageTitle } from './lib/meta.ts';
import { useNonce } from './lib/nonce.ts';
import appCss from './styles/app.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: '/govuk/govuk-frontend.min.css' },
  { rel: 'stylesheet', href: appCss },
];

export const meta: MetaFunction = ({ error }) => (error ? errorTitle(error) : pageTitle());

const VIEWER = graphql(`
  query Viewer {
    viewer {
      name
    }
    oversight {
      name
    }
  }
`);

export async function loader({ context }: LoaderFunctionArgs) {
  const result = await context.lip.execute(VIEWER);
  return {
    viewer: result.data?.viewer ?? null,
    oversight: result.data?.oversight ?? null,
    demo: context.demo,
  };
}

const jsEnabled = `document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');`;

/** Starts govuk-frontend's components (error summary focus, header menu, …) once React has hydrated. */
function useGovukFrontend() {
  useEffect(() => {
    const url = '/govuk/govuk-frontend.min.js'; // served from the govuk-frontend package by server.ts
    void import(/* @vite-ignore */ url).then((govuk: { initAll(): void }) => govuk.initAll());
  }, []);
}

export function Layout({ children }: { children: ReactNode }) {
  useGovukFrontend();
  // The CSP nonce of this response (server only; browsers hide it, hence suppressHydrationWarning).
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>('root');
  const { pathname } = useLocation();
  const navigation: HeaderNavigationItem[] = data?.viewer
    ? [
        {
          key: 'partnerships',
          href: '/partnerships',
          text: 'Your partnerships',
          active: pathname.startsWith('/partnerships'),
        },
        ...(data.oversight
          ? [
              {
                key: 'oversight',
                href: '/oversight',
                text: 'Oversight',
                active: pathname.startsWith('/oversight'),
              },
            ]
          : []),
        {
          key: 'sessions',
          href: '/account/sessions',
          text: 'Your sessions',
          active: pathname.startsWith('/account'),
        },
        {
          key: 'sign-out',
          element: (
            <form method="post" action="/sign-out" className="lip-inline-form">
              <button type="submit" className="govuk-header__link lip-header-button">
                Sign out<span className="govuk-visually-hidden"> ({data.viewer.name})</span>
              </button>
            </form>
          ),
        },
      ]
    : [];
  return (
    <html lang="en" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body" suppressHydrationWarning>
        <script
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: jsEnabled }}
        />
        <SkipLink />
        <Header
          serviceName={SERVICE_NAME}
          serviceUrl="/"
          navigation={navigation}
          navigationLabel="Account"
        />
        <div className="govuk-width-container">
          <section aria-label="Service status">
            <PhaseBanner phase="Alpha">
              {pathname.startsWith('/published')
                ? 'This is a new service for publishing local inclusion plans.'
                : 'This is a new service. Plans you write here are drafts until your partnership signs them off.'}
            </PhaseBanner>
          </section>
          <main className="govuk-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
        <Footer
          links={[
            { href: '/published', text: 'Published plans' },
            { href: '/graphql', text: 'GraphQL API' },
          ]}
        >
          <p className="govuk-body-s">
            Local inclusion plan builder.{data?.demo ? ' Demo data is fictional.' : ''}
          </p>
        </Footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export const ErrorBoundary = RouteErrorBoundary;
