import { withApiKey } from '@/lib/api/with-api-key';
import { NotFoundError } from '@/lib/errors';

// Anything under /api/v1 that no route serves: still authenticated first, then a 404 in the 8x8 shape.
const notFound = withApiKey(
  async ({ req }) => {
    throw new NotFoundError(`No API endpoint ${req.method} ${new URL(req.url).pathname}`);
  },
  { permission: null },
);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
