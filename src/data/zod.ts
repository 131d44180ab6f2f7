/**
 * zod, configured for a page whose Content-Security-Policy forbids eval: by default zod 4
 * probes `new Function('')` to decide whether to compile its parsers, which the browser
 * reports as a CSP violation on every load. `jitless` skips the probe and the compiler.
 * Every module of the app imports z from here.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
