// Type of the data module this course's plug-in declares (../plugin.ts), served by site/scripts/virtual-data-plugin.ts.
declare module 'virtual:reference-trajectories' {
  const trajectories: Record<import('../shared/demo-runs.js').OptimizerId, [number, number][]>;
  export default trajectories;
}
