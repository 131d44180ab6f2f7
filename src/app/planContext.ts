/**
 * The filtered plan, derived once from the store (./useFilteredPlan.ts) and handed to every
 * panel through React context instead of a prop passed down the tree. Panels that only show
 * once the data has loaded use `usePlan`; the few that also show before use `usePlanOrNull`.
 */
import { createContext, useContext } from 'react';
import type { FilteredPlan } from '../model/filteredPlan';

export const PlanContext = createContext<FilteredPlan | null>(null);

export function usePlanOrNull(): FilteredPlan | null {
  return useContext(PlanContext);
}

export function usePlan(): FilteredPlan {
  const plan = useContext(PlanContext);
  if (!plan) throw new Error('a panel that needs the plan was shown before the plan data loaded');
  return plan;
}
