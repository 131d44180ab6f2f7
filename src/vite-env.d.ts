/// <reference types="vite/client" />

declare module 'virtual:font-faces' {
  // MapLibre style `font-faces`: font name → unicode-range subsets served from our origin.
  const fontFaces: Record<string, { url: string; 'unicode-range': string[] }[]>;
  export default fontFaces;
}

declare module '*.geojson?url' {
  const url: string;
  export default url;
}
