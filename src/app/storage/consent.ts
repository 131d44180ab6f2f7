/**
 * The person's answers to "load this from that server?", per host, in localStorage. The record
 * has a schema version and passes a zod schema on the way in; a damaged one counts as no answer
 * (the person is simply asked again), never as consent.
 *
 * Record, version 1: `{ schemaVersion: 1, hosts: { "<host>": "allow" | "deny" } }`.
 */
import { z } from '../../data/zod';

const CONSENT_STORAGE = 'jjj-atlas:host-consent';
const CONSENT_VERSION = 1;
/** Hosts remembered at most (the oldest answers go first). */
const MAX_HOSTS = 200;

export type HostChoice = 'allow' | 'deny';

const consentSchema = z.object({
  schemaVersion: z.literal(CONSENT_VERSION),
  hosts: z.record(z.string().max(300), z.enum(['allow', 'deny'])),
});

function readAll(): Record<string, HostChoice> {
  try {
    const raw = globalThis.localStorage?.getItem(CONSENT_STORAGE);
    if (!raw) return {};
    const r = consentSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data.hosts : {};
  } catch {
    return {};
  }
}

/** 'allow' when every host is allowed, 'deny' when any is denied, else null (ask). */
export function choiceForHosts(hosts: readonly string[]): HostChoice | null {
  if (hosts.length === 0) return null;
  const all = readAll();
  if (hosts.some((h) => all[h] === 'deny')) return 'deny';
  return hosts.every((h) => all[h] === 'allow') ? 'allow' : null;
}

/** Remember the answer for each host (silently lasts for the page only if storage is blocked). */
export function rememberHostChoice(hosts: readonly string[], choice: HostChoice): void {
  // latest answers last, so the oldest are the ones dropped beyond MAX_HOSTS
  const all = new Map(Object.entries(readAll()));
  for (const h of hosts) {
    all.delete(h);
    all.set(h, choice);
  }
  const kept = [...all].slice(-MAX_HOSTS);
  try {
    globalThis.localStorage?.setItem(CONSENT_STORAGE, JSON.stringify({ schemaVersion: CONSENT_VERSION, hosts: Object.fromEntries(kept) }));
  } catch {
    // storage blocked: asked again next time
  }
}
