/**
 * The layering of src/, checked in `npm test` (npm run lint:layers). Lowest first:
 *   geo/, data/, i18n/  pure: geometry, the plan and import formats, language texts
 *   model/              the domain: filters, regions, story, timeline, search, URL state, legends
 *   map/                MapLibre and deck.gl adapters
 *   app/                the store, controllers and hooks
 *   ui/                 React components
 *   App.tsx, main.tsx   the composition root
 * A module may import its own layer and the layers below it, never one above, and no import
 * may close a cycle. The layers below app/ never import React, MapLibre or deck.gl (map/ may
 * import the last two: it is their adapter).
 */
const BELOW = {
  base: '^src/(geo|data|i18n)/',
  model: '^src/(geo|data|i18n|model)/',
  map: '^src/(geo|data|i18n|model|map)/',
  app: '^src/(geo|data|i18n|model|map|app)/',
};
const upward = (name, from, allowed) => ({
  name,
  comment: `${from} may import only from ${allowed}`,
  severity: 'error',
  from: { path: from },
  to: { path: '^src/', pathNot: allowed },
});

module.exports = {
  forbidden: [
    { name: 'no-cycles', comment: 'an import cycle makes two modules one', severity: 'error', from: {}, to: { circular: true } },
    upward('base-is-lowest', '^src/(geo|data|i18n)/', BELOW.base),
    upward('model-below-map', '^src/model/', BELOW.model),
    upward('map-below-app', '^src/map/', BELOW.map),
    upward('app-below-ui', '^src/app/', BELOW.app),
    {
      name: 'pure-below-map',
      comment: 'geo/, data/, i18n/ and model/ are pure: no React, MapLibre, deck.gl or drawing tools',
      severity: 'error',
      from: { path: '^src/(geo|data|i18n|model)/' },
      to: { path: '(^|/)node_modules/(react|react-dom|react-i18next|maplibre-gl|@deck\\.gl|terra-draw[^/]*|zustand)/' },
    },
    {
      name: 'react-only-above-map',
      comment: 'map/ adapts MapLibre and deck.gl to the app; React components live in ui/ (MapView is the one bridge)',
      severity: 'error',
      from: { path: '^src/map/', pathNot: '^src/map/MapView\\.tsx$' },
      to: { path: '(^|/)node_modules/(react|react-dom|react-i18next|zustand)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
