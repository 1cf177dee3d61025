// Type of the virtual module generated at build/dev time by site/scripts/virtual-data-plugin.ts (see site-config.ts).
declare module 'virtual:search-heatmap' {
  const heatmap: import('../shared/search-heatmap.js').SearchHeatmap;
  export default heatmap;
}
