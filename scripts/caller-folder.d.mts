// Types of caller-folder.mjs, for the TypeScript that imports it (the launcher itself is plain JavaScript).
export declare function enterCallerFolder(entry: string): void;
