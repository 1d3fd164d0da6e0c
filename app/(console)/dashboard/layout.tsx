import { requireAccountPage } from '@/app/_lib/console-context';

// The permission is checked here, above loading.tsx's Suspense boundary: a refusal from the page itself would
// come after the loading state was streamed with status 200, so the browser would get a 403 page under a 200.
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requireAccountPage('dashboard.view');
  return children;
}
