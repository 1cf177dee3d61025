// A computation graph as plain data: every value reachable from the output (and every named value, reachable or
// not) with its operation, data, grad and children, listed for a reader: the expression's named values in its own
// order, then those an operation made. Made the same way from the reference engine at build time and from the
// learner's engine in the browser, so the two compare.

export interface SnapshotNode {
  /** The expression's name for it ("a", "c"), or its place below a named value ("f/1/0") when the code made it. */
  key: string;
  /** The expression's name, or null for a value the code made on its own (a constant, the −b inside a − b). */
  name: string | null;
  op: string;
  data: number;
  grad: number;
  /** Keys of the values it was computed from, in its children's order. */
  children: string[];
  /** False for a named value that the output does not reach through children: an operation forgot its inputs. */
  reachable: boolean;
}

export interface GraphSnapshot {
  output: string;
  /** The expression's named values in its order (leaves, then steps), then the values operations made. */
  nodes: SnapshotNode[];
}

/** What a value of any engine looks like from outside; read field by field, as numbers and strings. */
export interface ValueLike {
  data: unknown;
  grad: unknown;
  children: unknown;
  op?: unknown;
}

/** More values than any graph of the pages builds: past it, the learner's code keeps making values. */
export const MAX_SNAPSHOT_VALUES = 400;
const MAX_OP_LENGTH = 16;

/** A value's children, checked to be a list of objects; throws a learner's message when they are not. */
export function childrenOf(value: ValueLike): ValueLike[] {
  const children = value.children;
  if (children === null || typeof children !== 'object' || !(Symbol.iterator in children))
    throw new Error('children is not an array of Values');
  const list = Array.from(children as Iterable<unknown>);
  if (!list.every((child) => typeof child === 'object' && child !== null))
    throw new Error('children holds something that is not a Value');
  return list as ValueLike[];
}

/** The graph below `output`; `names` gives the expression's name of the values it named. */
export function snapshotGraph(output: ValueLike, names: ReadonlyMap<ValueLike, string>): GraphSnapshot {
  const keys = new Map<ValueLike, string>();
  const nodes: SnapshotNode[] = [];
  const keyOf = (value: ValueLike, fallback: string): string => names.get(value) ?? fallback;
  // Depth first from each root, children in their listed order, each value taken when first reached. Listed for a
  // reader, not for a backward pass: the expression's named values in its own order (leaves, then steps), then the
  // values an operation made on its own.
  const visit = (root: ValueLike, rootKey: string, reachable: boolean): void => {
    if (keys.has(root)) return;
    keys.set(root, rootKey);
    const reached = [{ value: root, key: rootKey, children: childrenOf(root) }];
    const stack = [{ ...reached[0]!, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next === top.children.length) {
        stack.pop();
        continue;
      }
      const index = top.next++;
      const child = top.children[index]!;
      if (keys.has(child)) continue;
      if (keys.size >= MAX_SNAPSHOT_VALUES)
        throw new Error(
          `the graph holds more than ${MAX_SNAPSHOT_VALUES} values: does an operation keep making new ones?`,
        );
      const key = keyOf(child, `${top.key}/${index}`);
      keys.set(child, key);
      const entry = { value: child, key, children: childrenOf(child) };
      reached.push(entry);
      stack.push({ ...entry, next: 0 });
    }
    for (const { value, key, children } of reached) {
      nodes.push({
        key,
        name: names.get(value) ?? null,
        op: String(value.op ?? '').slice(0, MAX_OP_LENGTH),
        data: Number(value.data),
        grad: Number(value.grad),
        children: children.map((child) => keys.get(child)!),
        reachable,
      });
    }
  };
  visit(output, keyOf(output, 'output'), true);
  for (const [value, name] of names) visit(value, name, false);
  const rank = new Map([...names.values()].map((name, i) => [name, i]));
  const place = (node: SnapshotNode): number => (node.name === null ? Infinity : (rank.get(node.name) ?? Infinity));
  return { output: keys.get(output)!, nodes: nodes.sort((x, y) => place(x) - place(y)) };
}
