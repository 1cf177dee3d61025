// Type of the data module this course's plug-in declares (../plugin.ts), served by site/scripts/virtual-data-plugin.ts.
declare module 'virtual:search-heatmap' {
  const heatmap: import('../shared/search-heatmap.js').SearchHeatmap;
  export default heatmap;
}
