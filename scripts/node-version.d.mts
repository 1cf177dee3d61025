// Types of node-version.mjs, for the TypeScript that imports it (the launcher itself is plain JavaScript).
export declare const ENGINES: string;
export declare function unsupportedNode(version: string): string | undefined;
