'use client';
import * as React from 'react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useTheme } from 'next-themes';
import { Download, KeyRound } from 'lucide-react';
import { PageHeader } from '@/components/ui/page-header';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { ApiReferenceReact as ScalarReference } from '@scalar/api-reference-react';
import '@scalar/api-reference-react/style.css';
import { SCALAR_THEME_CSS } from './scalar-theme';

type ScalarConfiguration = React.ComponentProps<typeof ScalarReference>['configuration'];

// Scalar is a browser-only (Vue) app: loaded on the client, after the page shell.
const ApiReferenceReact = dynamic(() => import('@scalar/api-reference-react').then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: () => (
    <div role="status" className="space-y-3 p-6" aria-busy="true" aria-label="Loading the API reference">
      <div className="h-6 w-48 animate-pulse rounded bg-muted" />
      <div className="h-4 w-full max-w-xl animate-pulse rounded bg-muted" />
      <div className="h-64 animate-pulse rounded bg-muted" />
    </div>
  ),
});

// Code samples: curl, and fetch for JavaScript/TypeScript (Node 18+ and browsers). Every other
// client Scalar knows is hidden, so the picker is not a wall of languages.
const HIDDEN_CLIENTS = {
  ...Object.fromEntries(
    [
      'c',
      'clojure',
      'csharp',
      'dart',
      'fsharp',
      'go',
      'http',
      'java',
      'julia',
      'kotlin',
      'node',
      'objc',
      'ocaml',
      'php',
      'powershell',
      'python',
      'r',
      'ruby',
      'rust',
      'swift',
    ].map((t) => [t, true]),
  ),
  shell: ['httpie', 'wget'] as ('httpie' | 'wget')[],
  js: ['axios', 'jquery', 'ofetch', 'xhr'] as ('axios' | 'jquery' | 'ofetch' | 'xhr')[],
};

export function ApiReferenceClient({ openApi }: { openApi: object }) {
  const { resolvedTheme } = useTheme();
  const [origin, setOrigin] = React.useState<string | null>(null);
  React.useEffect(() => setOrigin(window.location.origin), []);
  const dark = resolvedTheme === 'dark';

  // Scalar marks its theme on <body> (light-mode / dark-mode) once, when it mounts, and does not redo
  // it when forceDarkModeState changes: follow the console's theme toggle here, and leave no mark behind.
  React.useEffect(() => {
    document.body.classList.toggle('dark-mode', dark);
    document.body.classList.toggle('light-mode', !dark);
  }, [dark]);
  React.useEffect(() => () => document.body.classList.remove('dark-mode', 'light-mode'), []);

  // Nothing leaves this server: no fonts from Scalar's CDN, no telemetry, no request proxy (try it
  // calls this origin directly), no Scalar agent or MCP. The key typed into "Authentication" stays
  // in the page (persistAuth off): stored keys are hashed and can never be shown here.
  const configuration = React.useMemo(
    (): ScalarConfiguration => ({
      content: openApi,
      baseServerURL: origin ?? undefined,
      withDefaultFonts: false,
      telemetry: false,
      persistAuth: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never' as const,
      documentDownloadType: 'none' as const,
      hideDarkModeToggle: true,
      forceDarkModeState: dark ? ('dark' as const) : ('light' as const),
      theme: 'none' as const,
      customCss: SCALAR_THEME_CSS,
      hiddenClients: HIDDEN_CLIENTS,
      defaultHttpClient: { targetKey: 'shell' as const, clientKey: 'curl' as const },
      featuredClients: ['shell/curl', 'js/fetch'],
      authentication: { preferredSecurityScheme: 'bearerAuth' },
      defaultOpenAllTags: false,
      hideModels: false,
    }),
    [openApi, origin, dark],
  );

  return (
    <>
      <PageHeader
        title="API reference"
        description="Every /api/v1 operation with curl and TypeScript examples. Paste an API key under Authentication to try calls against this server."
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href="/settings/api-keys">
                <KeyRound /> API keys
              </Link>
            </Button>
            <Button variant="outline" asChild>
              <a href="/api/v1/openapi.json" download="parley-openapi.json">
                <Download /> OpenAPI JSON
              </a>
            </Button>
          </>
        }
      />
      <Card data-testid="api-reference">{origin ? <ApiReferenceReact configuration={configuration} /> : null}</Card>
    </>
  );
}
