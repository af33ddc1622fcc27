import { z } from 'zod';

// Extension pages run under a CSP without 'unsafe-eval'; zod's JIT would try `new Function`.
// Every module imports z from here, so this runs before any schema is built.
z.config({ jitless: true });

export { z };
