// Type of the virtual module generated at build/dev time by site/scripts/virtual-data-plugin.ts (see site-config.ts).
declare module 'virtual:reference-trajectories' {
  const trajectories: Record<import('../shared/demo-runs.js').OptimizerId, [number, number][]>;
  export default trajectories;
}
