/**
 * Search by item name (zh/en) or region name, as an ARIA 1.2 combobox: ↑/↓ move through the
 * results, Enter chooses, Esc closes. Choosing an item selects it and flies to it; choosing a
 * region flies to it and opens its numbers in the regions tab. It never filters: a region filter
 * chosen by a search would hide items the person did not ask to hide (大兴 + Enter hid the
 * Daxing airport, which the boundaries place in Langfang); "只看此地区" in the panel does that.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { searchPlan, searchUserFeatures, type SearchResult as PlanResult, type UserSearchResult } from '../model/search';
import { PLAN_LAYER_COLORS } from '../model/planColors';
import { cssColor } from '../model/color';
import { layerKeyOf } from '../model/filters';
import { localized } from '../i18n/language';
import { loadSearchAliases, type SearchAliases } from '../data/search/aliases';

type Result = PlanResult | UserSearchResult;

export function SearchBox() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const data = useAppStore((s) => s.data);
  const select = useAppStore((s) => s.select);
  const flyToBbox = useAppStore((s) => s.flyToBbox);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const listId = `${id}-results`;

  const userLayers = useAppStore((s) => s.userLayers);
  // The aliases (大兴机场, pinyin…) load when the box first takes the focus.
  const [aliases, setAliases] = useState<SearchAliases | undefined>(undefined);
  const wantAliases = open;
  useEffect(() => {
    if (!wantAliases || aliases) return;
    let cancelled = false;
    void loadSearchAliases().then((a) => !cancelled && setAliases(a));
    return () => {
      cancelled = true;
    };
  }, [wantAliases, aliases]);
  const results = useMemo<Result[]>(
    () => [...(data.state === 'ready' ? searchPlan(query, data.items, data.regions, aliases) : []), ...searchUserFeatures(query, userLayers)],
    [query, data, userLayers, aliases],
  );

  const choose = (r: Result | undefined) => {
    if (!r) return;
    if (r.type === 'item') {
      select(r.item.properties.id, { fly: true });
    } else if (r.type === 'user') {
      // the person's own feature: show its layer, fly to it and show its properties
      const st = useAppStore.getState();
      if (!st.userLayers.find((l) => l.id === r.layerId)?.visible) st.toggleUserLayer(r.layerId, true);
      select(null);
      st.selectUserFeature({ layerId: r.layerId, index: r.index }, { fly: true });
    } else {
      const st = useAppStore.getState();
      st.setRegionSelection([r.region.code]);
      st.setSidebarTab('regions');
      flyToBbox(r.region.bbox);
    }
    setOpen(false);
    setQuery('');
  };

  const showList = open && query.trim().length > 0;
  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? `${id}-opt-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        autoComplete="off"
        data-testid="search-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(results.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(results[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" className="search-results" hidden={!showList} aria-label={t('search.label')}>
        {showList && results.length === 0 && (
          <li className="search-empty" role="option" aria-selected="false" aria-disabled="true">
            {t('search.noResults')}
          </li>
        )}
        {showList &&
          results.map((r, i) => {
            const key = r.type === 'item' ? r.item.properties.id : r.type === 'user' ? `${r.layerId}-${r.index}` : r.region.code;
            const primary =
              r.type === 'item' ? localized(r.item.properties, 'name', lang) : r.type === 'user' ? r.label : localized(r.region, 'name', lang);
            const secondary =
              r.type === 'item'
                ? `${t('planner.searchItem')} · ${lang === 'zh' ? r.item.properties.name_en : r.item.properties.name_zh}`
                : r.type === 'user'
                  ? t('userLayers.searchKind', { name: r.layerName })
                  : `${t('search.region')} · ${lang === 'zh' ? r.region.name_en : r.region.name_zh}`;
            return (
              <li
                key={`${r.type}-${key}`}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={`search-option${i === active ? ' active' : ''}`}
                data-kind={r.type}
                data-id={r.type === 'item' ? r.item.properties.id : r.type === 'region' ? r.region.code : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(r);
                }}
                onMouseEnter={() => setActive(i)}
              >
                {r.type === 'item' ? (
                  <span className="swatch" aria-hidden="true" style={{ background: cssColor(PLAN_LAYER_COLORS[layerKeyOf(r.item)]) }} />
                ) : r.type === 'user' ? (
                  <span className="swatch" aria-hidden="true" style={{ background: userLayers.find((l) => l.id === r.layerId)?.color }} />
                ) : (
                  <span className="swatch swatch-region" aria-hidden="true" />
                )}
                <span className="search-primary">{primary}</span>
                <span className="search-secondary">{secondary}</span>
              </li>
            );
          })}
      </ul>
    </div>
  );
}
