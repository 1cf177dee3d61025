// Type of the virtual module generated at build/dev time by site/scripts/reference-data-plugin.ts.
declare module 'virtual:reference-trajectories' {
  const trajectories: Record<import('../shared/demo-runs.js').OptimizerId, [number, number][]>;
  export default trajectories;
}
