// Types for workflow-rules.mjs (imported by its test).
export function checkWorkflowText(text: string, file: string, opts?: { readme?: boolean; lineOffset?: number }): string[];
export function yamlBlocks(markdown: string): { text: string; line: number }[];
export function workflowFiles(root: string): string[];
export function checkRepository(root: string): string[];
