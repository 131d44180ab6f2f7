/** URLs of the plan dataset files, emitted by Vite as assets (never inlined). */
import planUrl from '../../../geodata/plan/plan.json?url';
import itemsUrl from '../../../geodata/plan/items.geojson?url';
import linksUrl from '../../../geodata/plan/links.geojson?url';

export interface PlanUrls {
  plan: string;
  items: string;
  links: string;
}

export const planUrls: PlanUrls = { plan: planUrl, items: itemsUrl, links: linksUrl };
