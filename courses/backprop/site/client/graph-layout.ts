// Places a graph's boxes and routes its arrows with dagre's layered layout: inputs at the top, the output at the
// bottom, one row per depth (rows fit a page's text column better than columns do), with as few crossings as dagre finds.
import dagre from '@dagrejs/dagre';

export interface Box {
  key: string;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Arrow {
  from: string;
  to: string;
  points: { x: number; y: number }[];
}

export interface Layout {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  arrows: Arrow[];
}

export function layOut(
  nodes: readonly { key: string; width: number; height: number }[],
  edges: readonly { from: string; to: string }[],
): Layout {
  // A multigraph: a · a has the same child twice, and both arrows are drawn.
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 30, edgesep: 10, marginx: 6, marginy: 6 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.key, { width: node.width, height: node.height });
  edges.forEach((edge, i) => graph.setEdge(edge.from, edge.to, {}, `e${i}`));
  dagre.layout(graph);
  const boxes = new Map<string, Box>();
  for (const node of nodes) {
    const placed = graph.node(node.key);
    boxes.set(node.key, {
      key: node.key,
      x: placed.x! - node.width / 2,
      y: placed.y! - node.height / 2,
      width: node.width,
      height: node.height,
    });
  }
  const arrows = edges.map((edge, i) => ({
    ...edge,
    points: ((graph.edge(edge.from, edge.to, `e${i}`) as { points?: { x: number; y: number }[] }).points ?? []).map(
      ({ x, y }) => ({ x, y }),
    ),
  }));
  const { width = 0, height = 0 } = graph.graph();
  return { width, height, boxes, arrows };
}
