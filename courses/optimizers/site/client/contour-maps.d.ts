// Types of the data modules this course's plug-in declares (../plugin.ts), served by site/scripts/virtual-data-plugin.ts.
declare module 'virtual:panel-contour-maps' {
  const maps: Record<string, import('../shared/contour-map.js').ContourMap>;
  export default maps;
}
declare module 'virtual:playground-contour-maps' {
  const maps: Record<string, import('../shared/contour-map.js').ContourMap>;
  export default maps;
}
