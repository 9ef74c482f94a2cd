/**
 * The identity services of the browser journeys: two local OpenID providers (a council's Entra-like
 * tenant and NHSmail) and an SMTP server, on ports playwright.config.ts chooses once. The config
 * passes the providers (OIDC_PROVIDERS) and SMTP_URL to the app server; the `identity` fixture
 * (identity-fixtures.ts) starts the servers themselves in the test worker, which reads the mail.
 */
export const COUNCIL_IDP = {
  id: 'northshire-council',
  displayName: 'Northshire County Council',
  clientId: 'lip-e2e-council',
  clientSecret: 'e2e-council-secret-not-for-production',
  portVariable: 'LIP_E2E_COUNCIL_IDP_PORT',
} as const;

export const NHS_IDP = {
  id: 'nhsmail',
  displayName: 'NHSmail',
  clientId: 'lip-e2e-nhs',
  clientSecret: 'e2e-nhs-secret-not-for-production',
  portVariable: 'LIP_E2E_NHS_IDP_PORT',
} as const;

/** NHSmail groups (object ids in Entra) the NHS provider maps to roles in Northshire. */
export const NHS_GROUPS = {
  healthEditors: 'nhs-northshire-health-editors',
  signatories: 'nhs-northshire-signatories',
} as const;

const port = (variable: string) => Number(process.env[variable]);

export const issuerOf = (idp: { portVariable: string }) =>
  `http://127.0.0.1:${port(idp.portVariable)}`;

export const smtpPort = () => port('LIP_E2E_SMTP_PORT');

/** OIDC_PROVIDERS for the app server (the format docs/security.md describes). */
export function oidcProvidersJson(): string {
  return JSON.stringify([
    {
      id: COUNCIL_IDP.id,
      displayName: COUNCIL_IDP.displayName,
      issuer: issuerOf(COUNCIL_IDP),
      clientId: COUNCIL_IDP.clientId,
      clientSecret: COUNCIL_IDP.clientSecret,
      allowedEmailDomains: ['northshire.example'],
      // Entra ID sends no email_verified claim: a single tenant vouches for its addresses.
      emailsAreVerified: true,
    },
    {
      id: NHS_IDP.id,
      displayName: NHS_IDP.displayName,
      issuer: issuerOf(NHS_IDP),
      clientId: NHS_IDP.clientId,
      clientSecret: NHS_IDP.clientSecret,
      allowedEmailDomains: ['northshire.example'],
      groupRoles: {
        claim: 'groups',
        map: {
          [NHS_GROUPS.healthEditors]: { partnership: 'northshire', roles: ['SECTION_EDITOR'] },
          [NHS_GROUPS.signatories]: { partnership: 'northshire', roles: ['SIGNATORY'] },
        },
      },
    },
  ]);
}

/**
 * The administrator `npx pnpm admin:create` makes on the second server's empty database (see
 * playwright.config.ts): no password, so they sign in with a code by email, as a real first one may.
 */
export const EMPTY_DATABASE_ADMIN = {
  email: 'admin@eastmarsh-service.example',
  name: 'Ada Okafor',
};
