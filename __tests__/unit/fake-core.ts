// A recording stand-in for the runner's @actions/core (the Core both steps receive): it answers
// inputs and state from what the test gives it, and records every call, in order, for assertions.
import type { AnnotationProperties } from '@actions/core';
import type { Core } from '../../src/github/core.js';

export interface Annotation {
  readonly message: string;
  readonly properties?: AnnotationProperties;
}

export interface CoreCall {
  readonly method: keyof Core;
  readonly args: readonly unknown[];
}

const text = (value: unknown): string =>
  value instanceof Error ? value.message : typeof value === 'string' ? value : JSON.stringify(value);

export class FakeCore implements Core {
  /** Every call, in the order it was made. */
  readonly calls: CoreCall[] = [];
  readonly state = new Map<string, string>();
  readonly exported = new Map<string, string>();
  readonly outputs = new Map<string, string>();
  readonly secrets: string[] = [];
  readonly paths: string[] = [];
  readonly infos: string[] = [];
  readonly notices: Annotation[] = [];
  readonly warnings: Annotation[] = [];
  readonly errors: Annotation[] = [];
  readonly failures: string[] = [];
  readonly summaries: string[] = [];

  constructor(
    private readonly inputs: Readonly<Record<string, string>> = {},
    initialState: Readonly<Record<string, string>> = {},
  ) {
    for (const [name, value] of Object.entries(initialState)) this.state.set(name, value);
  }

  private record(method: keyof Core, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  /** Everything printed or annotated, to check that no secret reached it. */
  printed(): string[] {
    return [
      ...this.infos,
      ...[...this.notices, ...this.warnings, ...this.errors].map((a) => a.message),
      ...this.failures,
    ];
  }

  readonly getInput = (name: string): string => {
    this.record('getInput', name);
    // As the runner passes them: INPUT_* values, '' for an input not given.
    return (this.inputs[name] ?? '').trim();
  };
  readonly getState = (name: string): string => {
    this.record('getState', name);
    return this.state.get(name) ?? '';
  };
  readonly saveState = (name: string, value: unknown): void => {
    this.record('saveState', name, value);
    this.state.set(name, text(value));
  };
  readonly setSecret = (secret: string): void => {
    this.record('setSecret', secret);
    this.secrets.push(secret);
  };
  readonly info = (message: string): void => {
    this.record('info', message);
    this.infos.push(message);
  };
  readonly notice = (message: string | Error, properties?: AnnotationProperties): void => {
    this.record('notice', message, properties);
    this.notices.push({ message: text(message), ...(properties ? { properties } : {}) });
  };
  readonly warning = (message: string | Error, properties?: AnnotationProperties): void => {
    this.record('warning', message, properties);
    this.warnings.push({ message: text(message), ...(properties ? { properties } : {}) });
  };
  readonly error = (message: string | Error, properties?: AnnotationProperties): void => {
    this.record('error', message, properties);
    this.errors.push({ message: text(message), ...(properties ? { properties } : {}) });
  };
  readonly setFailed = (message: string | Error): void => {
    this.record('setFailed', message);
    this.failures.push(text(message));
  };
  readonly setOutput = (name: string, value: unknown): void => {
    this.record('setOutput', name, value);
    this.outputs.set(name, text(value));
  };
  readonly exportVariable = (name: string, value: unknown): void => {
    this.record('exportVariable', name, value);
    this.exported.set(name, text(value));
  };
  readonly addPath = (path: string): void => {
    this.record('addPath', path);
    this.paths.push(path);
  };
  readonly appendSummary = async (markdown: string): Promise<void> => {
    this.record('appendSummary', markdown);
    this.summaries.push(markdown);
  };
}
