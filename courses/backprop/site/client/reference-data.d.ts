// Types of the data modules this course's plug-in declares (../plugin.ts), served by site/scripts/virtual-data-plugin.ts.
declare module 'virtual:backprop-graphs' {
  const graphs: import('../shared/graph-catalog.js').GraphsData;
  export default graphs;
}

declare module 'virtual:backprop-network' {
  const network: import('../shared/network-demo.js').NetworkData;
  export default network;
}
