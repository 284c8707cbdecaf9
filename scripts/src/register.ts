import { AREAS, type Area } from '@samsyn/area';
import { DEMO_DISTRICTS } from '@samsyn/area/seed';

/** The district codes a command checked against, and where they came from (said in every message). */
export interface DistrictRegister {
  codes: ReadonlySet<string>;
  source: string;
}

/** The gateway a development command asks: GATEWAY_URL, or the gateway `npm start` runs on GATEWAY_PORT. */
export function gatewayUrlFrom(env: Record<string, string | undefined>, gatewayPort: number): string {
  return env.GATEWAY_URL || `http://localhost:${gatewayPort}/graphql`;
}

/** Raised when the running system cannot be asked. */
export class RegisterUnavailable extends Error {
  override name = 'RegisterUnavailable';
}

/** One public query to the running gateway; anything but data is `RegisterUnavailable`. */
async function askGateway<TData>(gatewayUrl: string, query: string, purpose: string): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new RegisterUnavailable(`cannot reach the gateway at ${gatewayUrl} to ${purpose}; start Samsyn (npm start) or set GATEWAY_URL`);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: TData | null; errors?: { message: string }[] };
  if (!body.data) {
    const reason = body.errors?.[0]?.message ?? `HTTP ${response.status}`;
    throw new RegisterUnavailable(`the gateway at ${gatewayUrl} did not answer how to ${purpose} (${reason})`);
  }
  return body.data;
}

/** The district codes the organisation subgraph knows (inactive ones too), asked through the gateway. */
export async function runningDistricts(gatewayUrl: string): Promise<DistrictRegister> {
  const data = await askGateway<{ districts: { code: string }[] }>(
    gatewayUrl,
    '{ districts(includeInactive: true) { code } }',
    'check district codes',
  );
  return {
    codes: new Set(data.districts.map((district) => district.code)),
    source: `the organisation subgraph's districts (via ${gatewayUrl})`,
  };
}

const AREA_FIELDS = Object.fromEntries(Object.values(AREAS).map((facts) => [facts.area, facts.rootField])) as Record<Area, string>;

/** Which area each indicator code belongs to, as the running system says; an area that does not answer is left out. */
export async function runningIndicatorAreas(gatewayUrl: string): Promise<Map<string, Area>> {
  const query = `{ ${Object.values(AREA_FIELDS)
    .map((field) => `${field} { indicators { code } }`)
    .join(' ')} }`;
  const data = await askGateway<Record<string, { indicators: { code: string }[] } | null>>(
    gatewayUrl,
    query,
    'find the areas of indicators',
  );
  const areas = new Map<string, Area>();
  for (const [area, field] of Object.entries(AREA_FIELDS) as [Area, string][]) {
    for (const indicator of data[field]?.indicators ?? []) areas.set(indicator.code, area);
  }
  return areas;
}

/** The demo register `npm start` loads, for when no system runs. */
export function demoDistricts(): DistrictRegister {
  return { codes: new Set(DEMO_DISTRICTS.map((district) => district.code)), source: 'the demo register (no running gateway answered)' };
}
