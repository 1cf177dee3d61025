// Type of the virtual module generated at build/dev time by site/scripts/search-heatmap-plugin.ts.
declare module 'virtual:search-heatmap' {
  const heatmap: import('../shared/search-heatmap.js').SearchHeatmap;
  export default heatmap;
}
